import { compareDecimal, isDecimalString } from "@creditkit/contract";
import { z } from "zod";
import { CURRENCY_CODE_PATTERN } from "../formats.ts";
import { isPriceString } from "../money.ts";
import { DateTime, EntitlementId, InvoiceId } from "./common.ts";

export const MIN_PURCHASE_PRICE = "0.50";
export const MAX_PURCHASE_PRICE = "4503599.62";
const MAX_PURCHASE_AMOUNT = 1_000_000_000_000;

/** True when a number has at most 8 fraction digits (the spec's `multipleOf: 1e-8`). */
function hasAtMostEightDecimals(n: number): boolean {
  const scaled = n * 1e8;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled) / 1e15);
}

/** A decimal price string with Paygentic's bounds: at least 0.50, at most 4503599.62. */
export const PurchasePrice = z
  .string()
  .refine(isPriceString, 'must be a decimal string with at most 9 fraction digits, like "5.00"')
  // zod runs refinements even after one failed, so each bound re-checks the format first.
  .refine((p) => !isPriceString(p) || compareDecimal(p, MIN_PURCHASE_PRICE) >= 0, {
    message: `must be at least ${MIN_PURCHASE_PRICE}`,
  })
  .refine((p) => !isPriceString(p) || compareDecimal(p, MAX_PURCHASE_PRICE) <= 0, {
    message: `must not exceed ${MAX_PURCHASE_PRICE}`,
  });

/** Body of `POST /v1/entitlements/{id}/grants/purchase`. */
export const PurchaseGrantRequest = z.object({
  amount: z
    .number()
    .gt(0, "must be greater than 0")
    .lt(MAX_PURCHASE_AMOUNT, "must be less than 1e12")
    .refine(hasAtMostEightDecimals, "must be a multiple of 1e-8"),
  price: PurchasePrice,
  idempotencyKey: z.string().min(1).max(255),
  effectiveAt: DateTime.optional(),
  expiresAt: DateTime.nullable().optional(),
  // Customers are redirected here: only http(s), never javascript: or data: URLs.
  successUrl: z.url({ protocol: /^https?$/ }).optional(),
  cancelUrl: z.url({ protocol: /^https?$/ }).optional(),
  paymentExpiresAt: DateTime.optional(),
  resetMaxRollover: z.number().min(0).max(999_999_999_999).optional(),
  resetMinRollover: z.number().min(0).max(999_999_999_999).optional(),
});
export type PurchaseGrantRequest = z.input<typeof PurchaseGrantRequest>;

export const PaymentSessionLink = z.object({
  url: z.url(),
  expiresAt: DateTime.nullable().optional(),
  /** In the currency's minor unit: price "5.00" → 500. */
  amount: z.number().int().nonnegative().optional(),
});
export type PaymentSessionLink = z.infer<typeof PaymentSessionLink>;

/** 201 answer to a purchase: the invoice and the hosted payment session(s). No grant yet. */
export const PurchaseGrantResponse = z.object({
  object: z.literal("grant_purchase"),
  invoiceId: InvoiceId,
  entitlementId: EntitlementId,
  grantAmount: z.number().gt(0),
  price: z.string().refine(isDecimalString, "must be a decimal string"),
  currency: z.string().regex(CURRENCY_CODE_PATTERN, "must be a three-letter ISO 4217 code"),
  paymentSessions: z.array(PaymentSessionLink),
});
export type PurchaseGrantResponse = z.infer<typeof PurchaseGrantResponse>;
