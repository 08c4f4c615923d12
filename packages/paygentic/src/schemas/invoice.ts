import { z } from "zod";
import { CURRENCY_CODE_PATTERN } from "../formats.ts";
import { isSignedDecimalString } from "../money.ts";
import { DateTime, OpenObject } from "./common.ts";

export const InvoiceStatus = z.enum([
  "ACTIVE",
  "CLOSING",
  "CLOSED",
  "CALCULATING",
  "DRAFT",
  "ISSUED",
  "PAYMENT_FAILED",
  "PAID",
  "CANCELLED",
  "WRITTEN_OFF",
  "FAILED",
]);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/**
 * The invoice fields CreditKit reads (the spec's Invoice has many more; unknown keys are
 * dropped, never passed on). Money fields are decimal strings. `customerId` is required: the
 * BFF checks ownership with it.
 */
export const Invoice = z.object({
  id: z.string().min(1),
  // Required by the spec, yet missing from its own example: tolerated when absent.
  object: z.literal("invoice").optional(),
  merchantId: z.string(),
  customerId: z.string(),
  status: InvoiceStatus,
  // Required by the spec but absent from its example; CreditKit keeps the currency of the
  // purchase itself, so a missing one is tolerated.
  currency: z.string().regex(CURRENCY_CODE_PATTERN, "must be a three-letter ISO 4217 code").optional(),
  grandTotal: z.string().refine(isSignedDecimalString, "must be a decimal string"),
  paidAmount: z.string().refine(isSignedDecimalString, "must be a decimal string").optional(),
  paidAt: DateTime.nullable().optional(),
  failureReason: z.string().optional(),
  paymentInFlight: z.boolean().optional(),
  paymentUrl: z.url().nullable().optional(),
  metadata: OpenObject.optional(),
  createdAt: DateTime.optional(),
  updatedAt: DateTime.optional(),
});
export type Invoice = z.infer<typeof Invoice>;
