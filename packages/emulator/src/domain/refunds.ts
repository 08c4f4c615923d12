import { currencyMinorDigits, formatDecimal } from "@creditkit/contract";
import type { InvoiceRefund, InvoiceRefundList } from "@creditkit/paygentic";
import { ApiError, notFound } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { InvoiceRecord } from "../store/records.ts";
import { expireDueSessions } from "./payment-sessions.ts";

/**
 * Invoice refunds as the spec describes them: a full refund of a PAID invoice, once, recorded as
 * a credit note beside it (the invoice itself stays PAID). The spec lists no 409 for this route,
 * so an invoice that is not PAID, or is refunded already, is a 400 with a `code` saying which.
 * Refunding takes no grant back: that is the merchant's call (CreditKit voids the grant first).
 */
export function refundInvoice(rt: Runtime, invoiceId: string, reason: string | undefined): InvoiceRefund {
  const invoice = findInvoice(rt, invoiceId);
  if (invoice.status !== "PAID") {
    throw badRequest(
      "INVOICE_NOT_PAID",
      `invoice ${invoice.id} is ${invoice.status}; only PAID invoices can be refunded`,
    );
  }
  const refunds = rt.store.refundsByInvoice.get(invoice.id) ?? [];
  if (refunds.some((r) => r.status === "ISSUED")) {
    throw badRequest("INVOICE_ALREADY_REFUNDED", `invoice ${invoice.id} has been refunded already`);
  }
  const currency = rt.store.merchant.currency;
  const zero = formatDecimal({ units: 0n, scale: currencyMinorDigits(currency) });
  const id = rt.ids.next("crn");
  const refund: InvoiceRefund = {
    object: "invoice_refund",
    id,
    invoiceId: invoice.id,
    merchantId: rt.store.merchant.id,
    amount: invoice.total,
    taxAmount: zero,
    total: invoice.total,
    currency,
    status: "ISSUED",
    externalCreditNoteId: `cn_${id.slice(4)}`,
    permalink: null,
    pdfUrl: null,
    reason: reason ?? null,
    createdAt: rt.clock.nowIso(),
    voidedAt: null,
  };
  rt.store.refundsByInvoice.set(invoice.id, [...refunds, refund]);
  rt.store.refunds.push(refund);
  return refund;
}

/** `GET /v2/invoices/{id}/refunds`: oldest first. */
export function listRefunds(rt: Runtime, invoiceId: string): InvoiceRefundList {
  const invoice = findInvoice(rt, invoiceId);
  return { object: "list", data: rt.store.refundsByInvoice.get(invoice.id) ?? [] };
}

function findInvoice(rt: Runtime, invoiceId: string): InvoiceRecord {
  expireDueSessions(rt);
  const invoice = rt.store.invoices.get(invoiceId);
  if (!invoice) throw notFound(`invoice ${invoiceId} not found`);
  return invoice;
}

function badRequest(code: string, message: string): ApiError {
  return new ApiError(400, { error: "bad_request", code, message });
}
