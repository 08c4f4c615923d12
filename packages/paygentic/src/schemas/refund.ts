import { z } from "zod";
import { CURRENCY_CODE_PATTERN } from "../formats.ts";
import { isSignedDecimalString } from "../money.ts";
import { DateTime } from "./common.ts";

const Money = z.string().refine(isSignedDecimalString, "must be a decimal string");

/**
 * A refund of an invoice (`InvoiceRefund` in the spec): a credit note for the whole invoice.
 * The invoice stays PAID; the refund is recorded beside it. Money fields are decimal strings.
 */
export const InvoiceRefund = z.object({
  object: z.literal("invoice_refund"),
  id: z.string().min(1),
  invoiceId: z.string().min(1),
  merchantId: z.string(),
  amount: Money,
  taxAmount: Money,
  total: Money,
  currency: z.string().regex(CURRENCY_CODE_PATTERN, "must be a three-letter ISO 4217 code"),
  status: z.enum(["ISSUED", "VOIDED"]),
  externalCreditNoteId: z.string(),
  permalink: z.string().nullable().optional(),
  pdfUrl: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  createdAt: DateTime,
  voidedAt: DateTime.nullable().optional(),
});
export type InvoiceRefund = z.infer<typeof InvoiceRefund>;

/** `GET /v2/invoices/{id}/refunds`: not paginated (an invoice has few). */
export const InvoiceRefundList = z.object({ object: z.literal("list"), data: z.array(InvoiceRefund) });
export type InvoiceRefundList = z.infer<typeof InvoiceRefundList>;

/** Body of `POST /v2/invoices/{id}/refunds`: an optional reason, recorded on the credit note. */
export const CreateInvoiceRefundRequest = z.object({ reason: z.string().max(1000).optional() });
export type CreateInvoiceRefundRequest = z.input<typeof CreateInvoiceRefundRequest>;
