import {
  ADMIN_ROUTES,
  type AdminCustomerBody,
  type AdminGrantBody,
  type AdminGrantRequest,
  type AdminRefundBody,
  type AdminVoidBody,
} from "@creditkit/contract";
import type { FetchLike } from "../core/bff-client.ts";
import { CreditKitError, errorFromResponse } from "../core/errors.ts";

/** Who to look up: the merchant's own id for the customer, or Paygentic's (`cus_…`). */
export type CustomerRef = { externalId: string } | { customerId: string };

export interface AdminClient {
  lookup(ref: CustomerRef, page: { limit: number; offset: number }): Promise<AdminCustomerBody>;
  grant(customerId: string, body: AdminGrantRequest, attemptKey: string): Promise<AdminGrantBody>;
  voidGrant(customerId: string, grantId: string, reason: string): Promise<AdminVoidBody>;
  refund(customerId: string, purchaseId: string, reason: string): Promise<AdminRefundBody>;
}

/**
 * The support console's client for the BFF's admin routes (under `adminBasePath`). The same error
 * type as the widget's; a refund whose second step failed throws a CreditKitError carrying the
 * body's outcomes in `refund` (the credits are taken back, the refund can be retried).
 */
export function createAdminClient(basePath: string, fetchImpl?: FetchLike): AdminClient {
  const base = basePath.replace(/\/+$/, "");
  const path = (template: string, params: Record<string, string>) =>
    template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));

  async function call<T>(url: string, init: RequestInit = {}, headers: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await (fetchImpl ?? fetch)(`${base}${url}`, {
        credentials: "same-origin",
        ...init,
        headers: {
          accept: "application/json",
          ...(init.body ? { "content-type": "application/json" } : {}),
          ...headers,
        },
      });
    } catch (cause) {
      throw new CreditKitError("network_error", String(cause), 0);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response.json().catch(() => {
      throw new CreditKitError("invalid_response", "Response was not JSON", 0);
    });
  }

  const post = <T>(url: string, body: unknown, headers?: Record<string, string>) =>
    call<T>(url, { method: "POST", body: JSON.stringify(body) }, headers);

  return {
    lookup(ref, page) {
      const query = new URLSearchParams({
        ...("externalId" in ref ? { externalId: ref.externalId } : { customerId: ref.customerId }),
        limit: String(page.limit),
        offset: String(page.offset),
      });
      return call(`${ADMIN_ROUTES.customers}?${query}`);
    },
    grant: (customerId, body, attemptKey) =>
      post(path(ADMIN_ROUTES.grants, { customerId }), body, { "idempotency-key": attemptKey }),
    voidGrant: (customerId, grantId, reason) => post(path(ADMIN_ROUTES.voidGrant, { customerId, grantId }), { reason }),
    refund: (customerId, purchaseId, reason) => post(path(ADMIN_ROUTES.refund, { customerId, purchaseId }), { reason }),
  };
}

/** Paygentic customer ids look like this; anything else typed in the search is the merchant's own id. */
export function customerRefOf(query: string): CustomerRef {
  const trimmed = query.trim();
  return /^cus_[A-Za-z0-9_]+$/.test(trimmed) ? { customerId: trimmed } : { externalId: trimmed };
}

/** A fresh attempt key for one confirmed action (kept across its double submits and retries). */
export function newAttemptKey(): string {
  return `adm_${crypto.randomUUID().replaceAll("-", "")}`;
}
