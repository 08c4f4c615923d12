import type { GrantView } from "./account.ts";

/**
 * What the customer asks to buy, and the whole body of `POST /purchases`: a pack of the catalog or
 * a custom number of credits, exactly one of the two. Price, customer and URLs are the server's.
 */
export type PurchaseSelection = { packId: string } | { credits: number };

/** `POST /purchases` → 201: where to pay. A replay of the same attempt key answers the same purchase. */
export interface PurchaseCreatedBody {
  purchaseId: string;
  paymentUrl: string;
  /** When the payment page stops taking payments. */
  expiresAt: string;
  credits: number;
  price: string;
  currency: string;
  packId: string | null;
}

/**
 * Where a purchase stands. `paid` only once Paygentic has created the grant; every status but
 * `pending` is final (it will not change again).
 */
export type PurchaseStatus = "pending" | "paid" | "cancelled" | "expired" | "failed";

export const PURCHASE_STATUSES = [
  "pending",
  "paid",
  "cancelled",
  "expired",
  "failed",
] as const satisfies readonly PurchaseStatus[];

/** Every status but `pending` is final. */
export function isFinalStatus(status: PurchaseStatus | undefined): boolean {
  return status !== undefined && status !== "pending";
}

/** `GET /purchases/{purchaseId}`: the purchase and where it stands. */
export interface PurchaseStatusBody {
  purchaseId: string;
  status: PurchaseStatus;
  credits: number;
  price: string;
  currency: string;
  packId: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  /** The payment page, only while it can still take a payment. */
  paymentUrl: string | null;
  /** The credited grant, once `paid`. */
  grant: GrantView | null;
}
