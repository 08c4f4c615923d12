import { ADMIN_ROUTES } from "@creditkit/contract";
import { IdempotencyHeaders, NoQuery } from "../inputs.ts";
import { type AnyRoute, defineRoute } from "../router.ts";
import type { ParsedAdminConfig } from "./admin-config.ts";
import {
  adminGrantBodySchema,
  CustomerLookupQuery,
  CustomerParams,
  GrantParams,
  ReasonBody,
  RefundParams,
} from "./admin-inputs.ts";
import { audited } from "./audit.ts";
import { createIssueGrant } from "./issue-grant-route.ts";
import { lookupCustomer } from "./lookup-customer-route.ts";
import { createRefundPurchase } from "./refund-purchase-route.ts";
import { voidGrant } from "./void-grant-route.ts";

/**
 * THE admin route table, relative to `adminBasePath`: every route needs the merchant's
 * authorizeAdmin to name an actor, validates every input strictly, and writes one audit line.
 * State-changing routes are same-origin and JSON, like the customer's (the dispatcher sees to it).
 */
export function buildAdminRoutes(admin: ParsedAdminConfig, now: () => Date): readonly AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      path: ADMIN_ROUTES.customers,
      auth: "admin",
      query: CustomerLookupQuery,
      handle: audited("customer.lookup", lookupCustomer),
    }),
    defineRoute({
      method: "POST",
      path: ADMIN_ROUTES.grants,
      auth: "admin",
      params: CustomerParams,
      query: NoQuery,
      headers: IdempotencyHeaders,
      body: adminGrantBodySchema(admin.maxGrantCredits, now),
      handle: audited("grant.issue", createIssueGrant()),
    }),
    defineRoute({
      method: "POST",
      path: ADMIN_ROUTES.voidGrant,
      auth: "admin",
      params: GrantParams,
      query: NoQuery,
      body: ReasonBody,
      handle: audited("grant.void", voidGrant),
    }),
    defineRoute({
      method: "POST",
      path: ADMIN_ROUTES.refund,
      auth: "admin",
      params: RefundParams,
      query: NoQuery,
      body: ReasonBody,
      handle: audited("purchase.refund", createRefundPurchase()),
    }),
  ];
}
