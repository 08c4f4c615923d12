/**
 * The BFF's JSON shapes as the widget sees them (see the HTTP contract in packages/server/README.md).
 * Declared here rather than imported: the widget speaks HTTP only and must not pull the server's
 * zod schemas into the browser bundle.
 */

export interface CatalogPack {
  id: string;
  credits: number;
  /** Decimal string in the currency's major unit, e.g. "10.00". */
  price: string;
  label: string;
  badge?: string;
}

export interface CustomAmountRules {
  minCredits: number;
  maxCredits: number;
  step: number;
  unitPrice: string;
  minPrice: string;
}

export interface Catalog {
  currency: string;
  packs: CatalogPack[];
  custom: CustomAmountRules | null;
}

export interface BalanceInfo {
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
export type GrantSource = "purchase" | "plan" | "other";

export interface Grant {
  id: string;
  amount: number;
  effectiveAt: string;
  expiresAt: string | null;
  voidedAt: string | null;
  createdAt: string;
  status: GrantStatus;
  source: GrantSource;
  purchaseId: string | null;
}

export interface GrantPage {
  grants: Grant[];
  pagination: { limit: number; offset: number; total: number };
}

/** What the customer asks to buy: a pack from the catalog, or a custom number of credits. */
export type Selection = { packId: string } | { credits: number };

export interface PurchaseCreated {
  purchaseId: string;
  paymentUrl: string;
  expiresAt: string;
  credits: number;
  price: string;
  currency: string;
  packId: string | null;
}

export type PurchaseState = "pending" | "paid" | "cancelled" | "expired" | "failed";

export interface Purchase {
  purchaseId: string;
  status: PurchaseState;
  credits: number;
  price: string;
  currency: string;
  packId: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  paymentUrl: string | null;
  grant: Grant | null;
}

/** Every status but pending is final: it will not change any more. */
export function isFinalPurchase(status: PurchaseState | undefined): boolean {
  return status !== undefined && status !== "pending";
}
