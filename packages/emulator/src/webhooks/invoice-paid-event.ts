import type { InvoicePaidEvent } from "@creditkit/paygentic";
import type { GrantRecord, InvoiceRecord } from "../store/records.ts";

/** The `invoice.paid.v0` envelope for a paid purchase. `timestamp` is on the emulator's clock. */
export function invoicePaidEvent(
  eventId: string,
  invoice: InvoiceRecord,
  grant: GrantRecord,
  merchant: { id: string; currency: string },
): InvoicePaidEvent {
  const paidAt = invoice.paidAt as string;
  return {
    eventType: "invoice.paid.v0",
    eventId,
    timestamp: paidAt,
    data: {
      invoiceId: invoice.id,
      grantId: grant.id,
      entitlementId: invoice.entitlementId,
      customerId: invoice.customerId,
      merchantId: merchant.id,
      status: "PAID",
      paidAt,
      grandTotal: invoice.total,
      currency: merchant.currency,
    },
  };
}
