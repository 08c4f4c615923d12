/** `GET /balance`: the live balance fields of the customer's metered entitlement. */
export interface BalanceBody {
  entitlementId: string;
  balance: number;
  usageInPeriod: number;
  overage: number;
  hasAccess: boolean;
  isSoftLimit: boolean;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
}

export type GrantStatus = "active" | "scheduled" | "expired" | "voided";

/**
 * Where a grant came from: one of our purchases, the plan's recurring allowance, a promotional or
 * adjustment grant given through the admin routes (recognised by its idempotency key), or anything else.
 */
export type GrantSource = "purchase" | "plan" | "promotional" | "adjustment" | "other";

/** A grant as the widget sees it: Paygentic's fields it shows, plus what it is and where it came from. */
export interface GrantView {
  id: string;
  amount: number;
  effectiveAt: string;
  expiresAt: string | null;
  voidedAt: string | null;
  createdAt: string;
  status: GrantStatus;
  source: GrantSource;
  /** Set when source is "purchase". */
  purchaseId: string | null;
}

/** The query of `GET /grants`. */
export interface GrantsQuery {
  limit: number;
  offset: number;
  includeVoided: boolean;
}

/** `GET /grants`: one page of grants, newest first. */
export interface GrantsPageBody {
  grants: GrantView[];
  pagination: { limit: number; offset: number; total: number };
}

/** Page size limits of `GET /grants`. */
export const GRANTS_PAGE_LIMITS = { min: 1, max: 100, default: 20 } as const;
