import type { BalanceBody, GrantsPageBody, GrantView } from "./account.ts";
import type { ErrorBody } from "./error-codes.ts";

/**
 * The admin API (the support console's): mounted under its own base path, separate from the
 * customer's, and served only when the merchant's server passes `authorizeAdmin`. Support staff
 * look a customer up, grant promotional or adjustment credits, void grants and refund purchases.
 */

/** Where the admin routes are mounted unless the merchant says otherwise (server `adminBasePath`). */
export const DEFAULT_ADMIN_BASE_PATH = "/api/topup-admin";

/** The admin routes, relative to the admin base path. */
export const ADMIN_ROUTES = {
  customers: "/customers",
  grants: "/customers/:customerId/grants",
  voidGrant: "/customers/:customerId/grants/:grantId/void",
  refund: "/customers/:customerId/purchases/:purchaseId/refund",
} as const;

/** What a grant given by support is: a promotion (goodwill, a comp) or a correction of a mistake. */
export const ADMIN_GRANT_KINDS = ["promotional", "adjustment"] as const;
export type AdminGrantKind = (typeof ADMIN_GRANT_KINDS)[number];

/** The reason every admin action must give, trimmed: between these many characters. */
export const ADMIN_REASON_LIMITS = { min: 3, max: 500 } as const;

/** `GET /customers?externalId=…` (or `?customerId=…`), with `limit` and `offset` for the grants. */
export interface AdminCustomerQuery {
  externalId?: string;
  customerId?: string;
  limit?: number;
  offset?: number;
}

/** The customer found, their metered entitlement's balance, and one page of ALL their grants (voided too). */
export interface AdminCustomerBody {
  customer: { customerId: string; externalId: string | null; name: string | null };
  balance: BalanceBody;
  grants: GrantsPageBody;
}

/** `POST /customers/{customerId}/grants` (with an `Idempotency-Key` attempt key). */
export interface AdminGrantRequest {
  kind: AdminGrantKind;
  /** Whole credits, at least 1 and at most the merchant's `adminLimits.maxGrantCredits`. */
  amount: number;
  /** RFC 3339; default now (a later instant schedules the grant). */
  effectiveAt?: string;
  /** RFC 3339, after effectiveAt and in the future; default never. */
  expiresAt?: string;
  reason: string;
}

/** → 201: the grant as the customer's history shows it; `replayed` when the attempt key was seen before. */
export interface AdminGrantBody {
  grant: GrantView;
  replayed: boolean;
}

/** `POST /customers/{customerId}/grants/{grantId}/void` and `…/refund`: why. */
export interface AdminReasonRequest {
  reason: string;
}

/** → 200: the voided grant; `alreadyVoided` when it was void before this request (nothing changed). */
export interface AdminVoidBody {
  grant: GrantView;
  alreadyVoided: boolean;
}

/**
 * `POST /customers/{customerId}/purchases/{purchaseId}/refund`: both steps' outcomes. The grant is
 * voided first, then the invoice refunded; 200 when both are done, 502 `upstream_refund_failed`
 * (an ErrorBody carrying these same fields) when the grant is voided but the refund failed:
 * sending the request again refunds without voiding again.
 */
export interface AdminRefundBody {
  purchaseId: string;
  invoiceId: string;
  credits: number;
  price: string;
  currency: string;
  void: { grantId: string; outcome: "voided" | "already_voided" };
  refund: { outcome: "refunded" | "already_refunded" | "failed"; refundId: string | null; total: string | null };
}

export type AdminRefundFailedBody = ErrorBody & AdminRefundBody;
