import { currencyMinorDigits, formatDecimal } from "@creditkit/contract";
import { PURCHASE_SUBSCRIPTION_ID } from "../constants.ts";
import type { InvoiceRecord, PaymentSessionRecord } from "../store/records.ts";
import type { Store } from "../store/store.ts";

/**
 * `GET /v2/invoices/{id}`: every field the spec marks required, plus the purchase's own
 * metadata (transition history, cancelReason) that the BFF reads to tell expired from cancelled.
 * A one-off purchase has no billing period: its period, grace end and anchor are its creation.
 */
export function invoiceView(store: Store, invoice: InvoiceRecord): Record<string, unknown> {
  const session = store.sessions.get(invoice.paymentSessionId) as PaymentSessionRecord;
  const currency = store.merchant.currency;
  const zero = formatDecimal({ units: 0n, scale: currencyMinorDigits(currency) });
  const paid = invoice.status === "PAID";
  const owing = invoice.status === "ISSUED" || invoice.status === "PAYMENT_FAILED";
  const payable = session.status === "open";
  const metadata: Record<string, unknown> = {
    source: "grant_purchase",
    entitlementId: invoice.entitlementId,
    grantAmount: invoice.grantAmount,
    idempotencyKey: invoice.idempotencyKey,
    paymentSessionId: invoice.paymentSessionId,
  };
  if (invoice.grantId !== undefined) metadata.grantId = invoice.grantId;
  if (invoice.cancelReason !== undefined) metadata.cancelReason = invoice.cancelReason;
  metadata.transitions = invoice.transitions.map((t) => ({ ...t }));

  const view: Record<string, unknown> = {
    id: invoice.id,
    object: "invoice",
    merchantId: store.merchant.id,
    subscriptionId: PURCHASE_SUBSCRIPTION_ID,
    customerId: invoice.customerId,
    sequenceNumber: invoice.sequenceNumber,
    status: invoice.status,
    currency,
    periodStart: invoice.createdAt,
    periodEnd: invoice.createdAt,
    gracePeriodEnd: invoice.createdAt,
    billingAnchor: invoice.createdAt,
    billingCadence: "P0D",
    autoApprove: true,
    itemCount: 1,
    subtotal: invoice.total,
    totalTax: zero,
    grandTotal: invoice.total,
    paidAmount: paid ? invoice.total : zero,
    unpaidAmount: owing ? invoice.total : zero,
    invoiceNumber: null,
    dueAt: new Date(session.expiresAt).toISOString(),
    paidAt: invoice.paidAt,
    paymentInFlight: invoice.paymentInFlight,
    paymentUrl: payable ? session.url : null,
    createdAt: invoice.createdAt,
    updatedAt: invoice.updatedAt,
    metadata,
  };
  if (invoice.status === "PAYMENT_FAILED" && invoice.failureReason) view.failureReason = invoice.failureReason;
  return view;
}
