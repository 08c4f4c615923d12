import type { Store } from "../store/store.ts";

/**
 * A purchase as a test sees it (`GET /__emulator/purchases`): the ids the merchant's backend got
 * back, where the customer pays, where they are sent back to, and how far it went.
 */
export interface PurchaseView {
  invoiceId: string;
  paymentSessionId: string;
  /** The hosted payment page. */
  paymentUrl: string;
  successUrl: string | null;
  cancelUrl: string | null;
  customerId: string;
  externalCustomerId: string | null;
  entitlementId: string;
  credits: number;
  /** Decimal string in major units, as the invoice's total ("10.00"). */
  price: string;
  currency: string;
  idempotencyKey: string;
  /** When the payment session expires (RFC 3339). */
  expiresAt: string;
  /** The payment session's status: open, processing, completed, cancelled or expired. */
  sessionStatus: string;
  /** The invoice's status: ISSUED, PAYMENT_FAILED, PAID or CANCELLED. */
  invoiceStatus: string;
  failureReason: string | null;
  grantId: string | null;
  createdAt: string;
}

/** Every purchase since the last reset, oldest first. */
export function purchaseViews(store: Store): PurchaseView[] {
  const views: PurchaseView[] = [];
  for (const invoice of store.invoices.values()) {
    const session = store.sessions.get(invoice.paymentSessionId);
    if (!session) continue;
    views.push({
      invoiceId: invoice.id,
      paymentSessionId: session.id,
      paymentUrl: session.url,
      successUrl: session.successUrl ?? null,
      cancelUrl: session.cancelUrl ?? null,
      customerId: invoice.customerId,
      externalCustomerId: store.customers.get(invoice.customerId)?.externalId ?? null,
      entitlementId: invoice.entitlementId,
      credits: invoice.grantAmount,
      price: invoice.total,
      currency: store.merchant.currency,
      idempotencyKey: invoice.idempotencyKey,
      expiresAt: new Date(session.expiresAt).toISOString(),
      sessionStatus: session.status,
      invoiceStatus: invoice.status,
      failureReason: invoice.failureReason ?? null,
      grantId: invoice.grantId ?? null,
      createdAt: invoice.createdAt,
    });
  }
  return views;
}
