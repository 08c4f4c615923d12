import { z } from "zod";
import { DateTime, OpenObject } from "./common.ts";

/** Envelope of every Paygentic webhook (delivered through Svix). */
export const WebhookEnvelope = z.object({
  eventType: z.string().min(1),
  eventId: z.string().min(1),
  timestamp: DateTime,
  data: OpenObject,
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

/**
 * `invoice.paid.v0`. The public material only promises `invoiceId` and, for grant purchases,
 * `grantId`; invoices that are not grant purchases (subscriptions) are paid without a grant,
 * so `grantId` is optional. Unknown extra fields are dropped.
 */
export const InvoicePaidData = z.object({
  invoiceId: z.string().min(1),
  grantId: z
    .string()
    .regex(/^grt_[a-zA-Z0-9]+$/)
    .optional(),
  entitlementId: z.string().optional(),
  customerId: z.string().optional(),
  merchantId: z.string().optional(),
  status: z.literal("PAID").optional(),
  paidAt: DateTime.optional(),
  grandTotal: z.string().optional(),
  currency: z.string().optional(),
});
export type InvoicePaidData = z.infer<typeof InvoicePaidData>;

export const InvoicePaidEvent = WebhookEnvelope.extend({
  eventType: z.literal("invoice.paid.v0"),
  data: InvoicePaidData,
});
export type InvoicePaidEvent = z.infer<typeof InvoicePaidEvent>;
