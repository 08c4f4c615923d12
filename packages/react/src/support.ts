"use client";

/**
 * @creditkit/react/support — the merchant's support console, for internal tools. Its own entry
 * point, so the customer's widget (the root entry) never carries it. It talks to the BFF's admin
 * routes, which exist only when the server passes `authorizeAdmin`.
 */
export type {
  AdminCustomerBody,
  AdminGrantBody,
  AdminGrantKind,
  AdminGrantRequest,
  AdminRefundBody,
  AdminVoidBody,
} from "@creditkit/contract";
export { type AdminClient, type CustomerRef, createAdminClient } from "./support/admin-client.ts";
export { type SupportMessageKey, type SupportMessages, supportDe, supportEn } from "./support/messages.ts";
export { SupportConsole, type SupportConsoleProps } from "./support/support-console.tsx";
