import type { PaygenticClient } from "@creditkit/paygentic";
import type { AdminConfigInput } from "../admin/admin-config.ts";
import type { TopUpStore } from "../store/store-types.ts";

/** Who is asking: the merchant's own session mapped to Paygentic ids. */
export interface ResolvedCustomer {
  customerId: string;
  entitlementId: string;
}

export type ResolveCustomer = (request: Request) => ResolvedCustomer | null | Promise<ResolvedCustomer | null>;

export interface TopUpLogger {
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Words shown to the customer: one text, or one per locale (`{ en: "Starter", de: "Einstieg" }`,
 * BCP 47 tags). A locale map must have the catalog's `defaultLocale`.
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

export type PackTextField = "label" | "badge" | "description";

/**
 * Translates a pack's text (given in the default locale) into `locale`, for locales a text's map
 * does not have; return nothing to serve the default text. Synchronous: GET /catalog calls it once
 * per locale and keeps the result.
 */
export type TranslateCatalogText = (
  text: string,
  context: { locale: string; packId: string; field: PackTextField },
) => string | null | undefined;

export interface PackInput {
  id: string;
  credits: number;
  /** Decimal string in the currency's major unit, e.g. "10.00". */
  price: string;
  label: LocalizedText;
  badge?: LocalizedText;
  /** A line under the pack's name. */
  description?: LocalizedText;
}

export interface CatalogInput {
  currency: string;
  packs: PackInput[];
  custom?: { minCredits: number; maxCredits: number; step: number; unitPrice: string };
  /** The locale of plain-string texts and the one every locale map must have. Default "en". */
  defaultLocale?: string;
  /** Texts for locales that a locale map does not have (an i18n library's `t`, for instance). */
  translate?: TranslateCatalogText;
}

export type PaygenticInput =
  | {
      apiKey: string;
      baseUrl: string;
      timeoutMs?: number;
      retries?: number;
      /** The client's transport, e.g. `createNodeFetch()` from `@creditkit/paygentic/node`. Default: global fetch. */
      fetch?: typeof fetch;
    }
  /** A ready client (tests, or a merchant who wraps fetch). */
  | { client: PaygenticClient };

/**
 * What a merchant passes to createTopUpHandler. See packages/server/README.md for every field
 * (the admin routes' `authorizeAdmin`, `adminBasePath` and `adminLimits` come from AdminConfigInput).
 */
export interface TopUpConfig extends AdminConfigInput {
  paygentic: PaygenticInput;
  catalog: CatalogInput;
  resolveCustomer: ResolveCustomer;
  /** The merchant's own origin, e.g. "https://app.example.com". Success/cancel URLs are built on it. */
  publicOrigin: string;
  /** Page the customer returns to after paying. Default "/". */
  returnPath?: string;
  /** Where the handler is mounted. Default "/api/topup". */
  basePath?: string;
  /** Origins a payment URL may point to; anything else is refused. */
  paymentHosts: string[];
  /** "whsec_…": enables POST {basePath}/webhooks/paygentic. */
  webhookSecret?: string;
  store?: TopUpStore;
  /** New purchases per customer per window. Default 10 per 60 s. */
  rateLimit?: { max: number; windowSeconds: number };
  /**
   * Reads per customer per window that go to Paygentic (cached, shared and store-served answers
   * are free); beyond it, 429 rate_limited. Default: no budget.
   */
  readRateLimit?: { max: number; windowSeconds: number };
  /**
   * How long an answer about an unsettled purchase, read from Paygentic, is reused by every caller
   * and instance (and so at most how often one purchase is read upstream). Default 1000 ms with a
   * `webhookSecret` (the webhook settles a paid purchase at once, cache or not), else 0.
   */
  purchaseStatusCacheMs?: number;
  /** How long an entitlement detail is reused for one customer. Default 2000 ms. */
  entitlementCacheMs?: number;
  /**
   * The most time one BFF request may spend on Paygentic, every call and retry included; past it
   * the answer is 504 upstream_timeout. Default 10000 ms.
   */
  requestDeadlineMs?: number;
  /** Largest accepted request body. Default 16384 bytes. */
  maxBodyBytes?: number;
  logger?: TopUpLogger;
  now?: () => Date;
  /**
   * For a merchant's browser tests: no entitlement or purchase-status cache, a purchase budget no
   * suite reaches, no read budget (fields set here still win). Refused (TopUpConfigError) with a
   * live key, and with NODE_ENV=production unless Paygentic is the local emulator. See the README.
   */
  testPreset?: boolean;
}
