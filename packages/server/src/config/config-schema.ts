import { isDecimalString } from "@creditkit/contract";
import {
  CURRENCY_CODE_PATTERN,
  isPriceString,
  MIN_PURCHASE_PRICE,
  SECRET_KEY_PATTERN,
  WEBHOOK_SECRET_PATTERN,
} from "@creditkit/paygentic";
import { z } from "zod";
import { AdminConfigShape } from "../admin/admin-config.ts";
import { canonicalLocale } from "../catalog-text.ts";
import { isOrigin } from "../origin.ts";
import { isPurchasablePrice } from "../pricing.ts";
import { isKnownCurrency } from "./currency.ts";

/**
 * Per-field shapes of TopUpConfig. Cross-field rules (duplicate ids, prices against the currency,
 * min ≤ max) live in config-cross-checks.ts so that ONE error can name every bad field at once.
 * No message here repeats the input: the config holds the secret key.
 */

const PositiveInt = z.number().int("must be a whole number").positive("must be greater than 0");
const Fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", "must be a function");
const OptionalFn = Fn.optional();

export const ApiKey = z.string().regex(SECRET_KEY_PATTERN, "must be a Paygentic secret key (sk_test_… or sk_live_…)");

export const Origin = z.string().refine(isOrigin, "must be an origin like https://shop.example.com (no path)");

const Price = z
  .string()
  .refine(isDecimalString, 'must be a decimal string like "10.00"')
  .refine((p) => !isDecimalString(p) || isPurchasablePrice(p), `must be between ${MIN_PURCHASE_PRICE} and 4503599.62`);

/** Words for the customer: one text, or texts by locale (their tags and default: config-cross-checks.ts). */
const Localized = (max: number) => {
  const text = z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
  return z.union([text, z.record(z.string(), text)], {
    error: 'must be a text, or texts by locale like { en: "…", de: "…" }',
  });
};

export const LocaleTag = z
  .string()
  .max(35, "must be at most 35 characters")
  .refine((tag) => canonicalLocale(tag) !== null, 'must be a BCP 47 locale tag like "de" or "de-AT"');

const Pack = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 characters of A–Z, a–z, 0–9, _ or -"),
  credits: PositiveInt.max(999_999_999_999, "must be less than 1e12"),
  price: Price,
  label: Localized(100),
  badge: Localized(40).optional(),
  description: Localized(200).optional(),
});

const Custom = z.strictObject({
  minCredits: PositiveInt,
  maxCredits: PositiveInt.max(999_999_999_999, "must be less than 1e12"),
  step: PositiveInt,
  unitPrice: z
    .string()
    .refine(isPriceString, 'must be a decimal string with at most 9 fraction digits, like "0.01"')
    .refine((p) => /[1-9]/.test(p), "must be greater than 0"),
});

const Currency = z
  .string()
  .regex(CURRENCY_CODE_PATTERN, "must be a three-letter ISO 4217 code")
  .refine(isKnownCurrency, "is not a currency Intl knows");

export const ConfigShape = z.strictObject({
  paygentic: z.strictObject({
    apiKey: ApiKey.optional(),
    baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    timeoutMs: PositiveInt.max(120_000).optional(),
    retries: z.number().int().min(0).max(10).optional(),
    fetch: z.custom<typeof fetch>((v) => typeof v === "function", "must be a fetch function").optional(),
    client: z
      .custom<object>((v) => typeof v === "object" && v !== null && "grants" in v, "must be a PaygenticClient")
      .optional(),
  }),
  catalog: z.strictObject({
    currency: Currency,
    packs: z.array(Pack),
    custom: Custom.optional(),
    defaultLocale: LocaleTag.default("en"),
    translate: OptionalFn,
  }),
  resolveCustomer: Fn,
  publicOrigin: Origin,
  returnPath: z
    .string()
    .regex(/^\/(?!\/)[^#\s\\]*$/, 'must be a path on publicOrigin starting with "/"')
    .default("/"),
  basePath: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'must be a path like "/api/topup" (no trailing slash)')
    .default("/api/topup"),
  paymentHosts: z.array(Origin).min(1, "must list at least one payment origin"),
  webhookSecret: z.string().regex(WEBHOOK_SECRET_PATTERN, "must be a Svix signing secret (whsec_…)").optional(),
  store: z
    .custom<object>(
      (v) =>
        typeof v === "object" &&
        v !== null &&
        ["markOnce", "incrementWindow", "getCached", "putCached"].every((method) => method in v),
      "must implement TopUpStore",
    )
    .optional(),
  rateLimit: z.strictObject({ max: PositiveInt, windowSeconds: PositiveInt.max(86_400) }).optional(),
  readRateLimit: z.strictObject({ max: PositiveInt, windowSeconds: PositiveInt.max(86_400) }).optional(),
  entitlementCacheMs: z.number().int().min(0).max(60_000).optional(),
  purchaseStatusCacheMs: z.number().int("must be a whole number").min(0).max(10_000).optional(),
  requestDeadlineMs: z.number().int("must be a whole number").min(100).max(120_000).optional(),
  maxBodyBytes: z.number().int().min(256).max(1_048_576).optional(),
  logger: z.object({ info: OptionalFn, warn: OptionalFn, error: OptionalFn }).optional(),
  now: OptionalFn,
  testPreset: z.boolean().optional(),
  ...AdminConfigShape,
});
