import { createPaygenticClient, MIN_PURCHASE_PRICE, type PaygenticClient } from "@creditkit/paygentic";
import { type ParsedAdminConfig, parseAdminConfig } from "../admin/admin-config.ts";
import { canonicalLocale, createCatalogLocalizer, defaultText } from "../catalog-text.ts";
import type { FieldIssue } from "../http/api-error.ts";
import { issuesOf } from "../http/zod-issues.ts";
import { createLogThrottle, DIAGNOSTIC_LOG_INTERVAL_MS, type LogThrottle } from "../log-throttle.ts";
import { type Catalog, normalizePrice } from "../pricing.ts";
import { createSafeLogger, type SafeLogger } from "../safe-logger.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import type { TopUpStore } from "../store/store-types.ts";
import { crossCheckConfig } from "./config-cross-checks.ts";
import { ConfigShape } from "./config-schema.ts";
import type { ResolveCustomer, TopUpConfig } from "./config-types.ts";
import { TEST_PRESET } from "./test-preset.ts";

/** The config after validation and defaults: what the routes actually read. */
export interface ParsedConfig {
  client: PaygenticClient;
  /** The catalog in its default locale: prices, ids and the texts a request without a locale gets. */
  catalog: Catalog;
  /** The catalog with its texts in a locale the widget asked for (`GET /catalog?locale=`). */
  catalogIn: (locale: string | undefined) => Catalog;
  resolveCustomer: ResolveCustomer;
  publicOrigin: string;
  returnPath: string;
  basePath: string;
  paymentHosts: ReadonlySet<string>;
  webhookSecret: string | undefined;
  store: TopUpStore;
  rateLimit: { max: number; windowSeconds: number };
  readRateLimit: { max: number; windowSeconds: number } | null;
  entitlementCacheMs: number;
  purchaseStatusCacheMs: number;
  requestDeadlineMs: number;
  maxBodyBytes: number;
  logger: SafeLogger;
  /** Warnings anyone can trigger (bad webhook signatures, cross-site requests), at most one a minute each. */
  diagnostics: LogThrottle;
  now: () => Date;
  /** The admin routes' settings; null when no `authorizeAdmin` was given (no admin routes). */
  admin: ParsedAdminConfig | null;
}

/** Thrown by createTopUpHandler for a bad config: ONE error naming every bad field. */
export class TopUpConfigError extends Error {
  override readonly name = "TopUpConfigError";
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid CreditKit config: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`);
  }
}

export function parseConfig(input: TopUpConfig): ParsedConfig {
  const shape = ConfigShape.safeParse(input);
  const issues = [...(shape.success ? [] : issuesOf(shape.error).map(requiredWording)), ...crossCheckConfig(input)];
  if (!shape.success || issues.length > 0) throw new TopUpConfigError(dedupe(issues));
  const c = shape.data;

  const now = (c.now as (() => Date) | undefined) ?? (() => new Date());
  const apiKey = "apiKey" in input.paygentic ? input.paygentic.apiKey : undefined;
  const logger = createSafeLogger(input.logger, apiKey ? [apiKey] : []);
  const currency = c.catalog.currency.toUpperCase();
  const preset = c.testPreset ? TEST_PRESET : undefined;

  const client =
    "client" in input.paygentic
      ? input.paygentic.client
      : createPaygenticClient({
          apiKey: input.paygentic.apiKey,
          baseUrl: input.paygentic.baseUrl,
          timeoutMs: c.paygentic.timeoutMs ?? 8000,
          retries: c.paygentic.retries ?? 2,
          ...(input.paygentic.fetch !== undefined && { fetch: input.paygentic.fetch }),
          logger: { warn: (message, fields) => logger.warn(message, fields) },
        });

  const defaultLocale = canonicalLocale(c.catalog.defaultLocale) ?? "en";
  const catalog: Catalog = {
    currency,
    packs: c.catalog.packs.map((p) => ({
      id: p.id,
      credits: p.credits,
      price: normalizePrice(p.price, currency),
      label: defaultText(p.label, defaultLocale),
      ...(p.badge !== undefined && { badge: defaultText(p.badge, defaultLocale) }),
      ...(p.description !== undefined && { description: defaultText(p.description, defaultLocale) }),
    })),
    custom: c.catalog.custom ? { ...c.catalog.custom, minPrice: MIN_PURCHASE_PRICE } : null,
  };

  return {
    client,
    catalog,
    catalogIn: createCatalogLocalizer(input.catalog, catalog, defaultLocale, input.catalog.translate, logger),
    resolveCustomer: input.resolveCustomer,
    publicOrigin: c.publicOrigin,
    returnPath: c.returnPath,
    basePath: c.basePath,
    paymentHosts: new Set(c.paymentHosts),
    webhookSecret: c.webhookSecret,
    store: input.store ?? createMemoryStore({ now }),
    rateLimit: c.rateLimit ?? (preset ? { ...preset.rateLimit } : { max: 10, windowSeconds: 60 }),
    readRateLimit: c.readRateLimit ?? null,
    entitlementCacheMs: c.entitlementCacheMs ?? preset?.entitlementCacheMs ?? 2000,
    // On with or without a webhook (issue 13): however many tabs watch a purchase, Paygentic sees at
    // most one invoice read per purchase per second. Without a webhook a payment shows at most this
    // much later; set 0 to read upstream on every poll.
    purchaseStatusCacheMs: c.purchaseStatusCacheMs ?? preset?.purchaseStatusCacheMs ?? 1000,
    requestDeadlineMs: c.requestDeadlineMs ?? 10_000,
    maxBodyBytes: c.maxBodyBytes ?? 16_384,
    logger,
    diagnostics: createLogThrottle(DIAGNOSTIC_LOG_INTERVAL_MS, now),
    now,
    admin: parseAdminConfig(input),
  };
}

function requiredWording(issue: FieldIssue): FieldIssue {
  return /received undefined$/.test(issue.message) ? { ...issue, message: "is required" } : issue;
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
