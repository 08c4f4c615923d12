import type { Grant } from "@creditkit/paygentic";
import type { LedgerGrant, LedgerUsage } from "../ledger/balance.ts";
import type { Duration } from "../time/duration.ts";

/** The in-memory records behind the API. Times are kept both as ISO text and epoch ms. */

export interface MerchantRecord {
  id: string;
  name: string;
  apiKey: string;
  /** Upper-case ISO 4217. */
  currency: string;
}

export interface FeatureRecord {
  id: string;
  key: string;
  name: string;
  type: "metered" | "boolean" | "static";
  eventType: string | null;
  valueProperty: string;
  productId: string;
  pricingUnitId: string | null;
  config: Record<string, unknown> | null;
}

export interface CustomerRecord {
  id: string;
  consumerId: string;
  externalId: string | undefined;
  name: string;
  email: string;
  phone: string | undefined;
  address: Record<string, string> | undefined;
  taxId: string | undefined;
  /** As Paygentic's spec has it: `message` only when there is one (never null). */
  validTaxAddress: { valid: boolean; message?: string };
  createdAt: string;
  updatedAt: string;
}

/** A grant: its API shape plus the numbers the ledger works on. */
export interface GrantRecord extends LedgerGrant {
  /** Insertion order, to keep "newest first" stable for equal createdAt. */
  seq: number;
  view: Grant;
}

export interface IdempotentEntry {
  kind: "grant" | "purchase";
  fingerprint: string;
  /** The original 201 body, replayed verbatim. */
  body: unknown;
}

export interface EntitlementRecord {
  id: string;
  customerId: string;
  feature: FeatureRecord;
  subscriptionId: string | null;
  status: "active" | "canceled";
  activeFrom: string;
  activeTo: string | null;
  metadata: Record<string, string>;
  isSoftLimit: boolean;
  usagePeriod: { interval: string; anchor: number; period: Duration } | null;
  /** Newest createdAt first; every grant, voided or not. */
  grants: GrantRecord[];
  /** Same order, voided grants left out (the default list). */
  liveGrants: GrantRecord[];
  grantsById: Map<string, GrantRecord>;
  /** Oldest first. */
  usage: LedgerUsage[];
  idempotency: Map<string, IdempotentEntry>;
}

export type InvoiceStatus = "ISSUED" | "PAYMENT_FAILED" | "PAID" | "CANCELLED";
export type CancelReason = "payment_session_expired" | "customer_cancelled";

export interface Transition {
  status: InvoiceStatus;
  at: string;
  reason?: string;
}

export interface InvoiceRecord {
  id: string;
  customerId: string;
  entitlementId: string;
  sequenceNumber: number;
  status: InvoiceStatus;
  /** Decimal string in major units, at the currency's minor digits ("5.00"). */
  total: string;
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
  paymentInFlight: boolean;
  failureReason: string | undefined;
  grantAmount: number;
  idempotencyKey: string;
  paymentSessionId: string;
  grantId: string | undefined;
  cancelReason: CancelReason | undefined;
  transitions: Transition[];
}

export type SessionStatus = "open" | "processing" | "completed" | "cancelled" | "expired";

export interface PurchaseTerms {
  amount: number;
  price: string;
  idempotencyKey: string;
  effectiveAt: string | undefined;
  expiresAt: string | null | undefined;
  resetMaxRollover: number | undefined;
  resetMinRollover: number | undefined;
}

export interface PaymentSessionRecord {
  id: string;
  invoiceId: string;
  entitlementId: string;
  status: SessionStatus;
  url: string;
  expiresAt: number;
  successUrl: string | undefined;
  cancelUrl: string | undefined;
  /** Minor units. */
  amount: number;
  terms: PurchaseTerms;
  /** On the hosted page's authentication screen (a card that needs an extra step). */
  authenticating: boolean;
  /**
   * While processing: when the money arrives on the emulator's clock (Pay with a settle delay),
   * or null for a payment held until a test releases it.
   */
  settlesAt: number | null;
}

export interface EventRecord {
  response: Record<string, unknown>;
}
