import type { GrantView } from "@creditkit/contract";
/**
 * What the handler keeps between requests. Async throughout so that a shared store (Redis) can
 * implement it for several BFF instances; the default is in-process memory (memory-store.ts).
 * A store that is down throws; the handler answers 503 store_unavailable.
 */

/** One purchase attempt, keyed by its purchaseId. Ownership is checked against `customerId`. */
export interface PurchaseRecord {
  purchaseId: string;
  customerId: string;
  entitlementId: string;
  invoiceId: string;
  credits: number;
  price: string;
  currency: string;
  packId: string | null;
  /** The hosted payment page, returned again on replays and while pending. */
  paymentUrl: string;
  expiresAt: string;
  createdAt: string;
  /** "ckp_" + sha256(customerId + "\n" + attemptKey): the grant created on payment carries it. */
  upstreamKey: string;
  /** Set once Paygentic says the purchase is paid and its grant exists (webhook or poll). */
  settledGrantId?: string;
  paidAt?: string;
  /**
   * The settled grant as read from Paygentic and checked to carry `upstreamKey`: present only once
   * the settlement is verified (a webhook's is not until a poll has read the grant). Status polls
   * of a verified settlement are answered from here, without calling Paygentic.
   */
  settledGrant?: SettledGrant;
}

/** What the purchase status shows of its grant (the rest of the Grant view is derived). */
export type SettledGrant = Pick<GrantView, "id" | "amount" | "effectiveAt" | "expiresAt" | "voidedAt" | "createdAt">;

export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends, epoch milliseconds. */
  resetAt: number;
}

export interface TopUpStore {
  getPurchase(purchaseId: string): Promise<PurchaseRecord | null>;
  /** Looks a purchase up by its Paygentic invoice (webhooks name the invoice, not our id). */
  getPurchaseByInvoice(invoiceId: string): Promise<PurchaseRecord | null>;
  /** Inserts or replaces a record (and its invoice index) for `ttlSeconds`. */
  putPurchase(record: PurchaseRecord, ttlSeconds: number): Promise<void>;
  /** True the first time `key` is marked within `ttlSeconds`, false on every later call. Atomic. */
  markOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** Counts a hit in a fixed window that starts at the first hit. Atomic. */
  incrementWindow(key: string, windowSeconds: number): Promise<WindowCount>;
  /** A short-lived cached value (a fresh upstream answer shared by every instance), or null. */
  getCached(key: string): Promise<string | null>;
  /** Caches `value` under `key` for `ttlMs` milliseconds (replacing what was there). */
  putCached(key: string, value: string, ttlMs: number): Promise<void>;
}
