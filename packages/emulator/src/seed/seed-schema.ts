import {
  CURRENCY_CODE_PATTERN,
  CustomerId,
  DateTime,
  EntitlementId,
  FeatureId,
  GrantId,
  OrganizationId,
  PricingUnitId,
  ProductId,
  StringMetadata,
} from "@creditkit/paygentic";
import { z } from "zod";
import { parseDuration, parseSignedDuration } from "../time/duration.ts";

/**
 * The shape of a seed: the merchant, its features and its customers with their entitlements,
 * grants and usage. Times are either absolute RFC 3339 instants or ISO-8601 durations relative
 * to the clock's start ("-P10D" is ten days before it, "P3D" three days after), so a seed keeps
 * a realistic history whatever day it is loaded.
 */

export const SeedTime = z
  .string()
  .refine(
    (v) => DateTime.safeParse(v).success || parseSignedDuration(v) !== undefined,
    'must be an RFC 3339 date-time or a duration relative to the clock\'s start, like "-P10D"',
  );

const Interval = z
  .string()
  .refine((v) => parseDuration(v) !== undefined && v !== "P0D", 'must be a positive ISO-8601 duration, like "P1M"');

export const SeedGrant = z.strictObject({
  id: GrantId.optional(),
  amount: z.number().gt(0).lt(1e12),
  /** Default: the clock's start. */
  effectiveAt: SeedTime.optional(),
  expiresAt: SeedTime.nullable().optional(),
  voidedAt: SeedTime.optional(),
  /** Default: effectiveAt, or the start for a grant that begins in the future. */
  createdAt: SeedTime.optional(),
  recurrencePeriod: Interval.nullable().optional(),
  idempotencyKey: z.string().min(1).max(255).nullable().optional(),
  priority: z.number().int().min(-32768).max(32767).optional(),
  resetMaxRollover: z.number().min(0).max(999_999_999_999).optional(),
  resetMinRollover: z.number().min(0).max(999_999_999_999).optional(),
});

export const SeedUsage = z.strictObject({
  at: SeedTime,
  amount: z.number().min(0),
});

export const SeedEntitlement = z.strictObject({
  id: EntitlementId.optional(),
  featureKey: z.string().min(1),
  /** Default: the clock's start. */
  activeFrom: SeedTime.optional(),
  activeTo: SeedTime.nullable().optional(),
  isSoftLimit: z.boolean().default(false),
  /** The usage period (reset interval), anchored at activeFrom; null for none. */
  usagePeriod: Interval.nullable().default("P1M"),
  subscriptionId: z.string().min(1).nullable().default(null),
  metadata: StringMetadata.default({}),
  grants: z.array(SeedGrant).default([]),
  usage: z.array(SeedUsage).default([]),
});

export const SeedCustomer = z.strictObject({
  id: CustomerId.optional(),
  consumerId: OrganizationId.optional(),
  externalId: z.string().min(1).max(255).optional(),
  name: z.string().min(1),
  email: z.email(),
  createdAt: SeedTime.optional(),
  entitlements: z.array(SeedEntitlement).default([]),
});

export const SeedFeature = z.strictObject({
  id: FeatureId.optional(),
  key: z.string().min(1),
  name: z.string().min(1).optional(),
  type: z.enum(["metered", "boolean", "static"]).default("metered"),
  /** Usage events of this `type` burn credits from the feature's metered entitlements. */
  eventType: z.string().min(1).optional(),
  valueProperty: z.string().min(1).default("credits"),
  productId: ProductId.optional(),
  pricingUnitId: PricingUnitId.nullable().default(null),
  config: z.record(z.string(), z.unknown()).nullable().default(null),
});

export const SeedMerchant = z.strictObject({
  id: OrganizationId,
  name: z.string().min(1),
  apiKey: z.string().regex(/^sk_test_[A-Za-z0-9_]{8,}$/, "must look like sk_test_… (at least 8 characters after it)"),
  currency: z
    .string()
    .regex(CURRENCY_CODE_PATTERN, "must be a three-letter ISO 4217 code")
    .transform((c) => c.toUpperCase())
    .default("USD"),
});

export const SeedDefinitionSchema = z
  .strictObject({
    merchant: SeedMerchant,
    features: z.array(SeedFeature).min(1),
    customers: z.array(SeedCustomer).default([]),
  })
  .superRefine((seed, ctx) => {
    const seen = new Map<string, string>();
    const unique = (id: string | undefined, path: (string | number)[]) => {
      if (id === undefined) return;
      const where = path.join(".");
      const first = seen.get(id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path, message: `duplicate id ${id} (also at ${first})` });
      else seen.set(id, where);
    };
    const features = new Map(seed.features.map((f) => [f.key, f]));
    seed.features.forEach((f, i) => {
      unique(f.id, ["features", i, "id"]);
      if (seed.features.findIndex((g) => g.key === f.key) !== i)
        ctx.addIssue({ code: "custom", path: ["features", i, "key"], message: `duplicate feature key ${f.key}` });
    });
    const externalIds = new Set<string>();
    seed.customers.forEach((c, ci) => {
      unique(c.id, ["customers", ci, "id"]);
      if (c.externalId !== undefined) {
        if (externalIds.has(c.externalId))
          ctx.addIssue({ code: "custom", path: ["customers", ci, "externalId"], message: "duplicate externalId" });
        externalIds.add(c.externalId);
      }
      c.entitlements.forEach((e, ei) => {
        const at = ["customers", ci, "entitlements", ei];
        unique(e.id, [...at, "id"]);
        const feature = features.get(e.featureKey);
        if (!feature) ctx.addIssue({ code: "custom", path: [...at, "featureKey"], message: "no feature has this key" });
        else if (feature.type !== "metered" && (e.grants.length > 0 || e.usage.length > 0))
          ctx.addIssue({ code: "custom", path: [...at, "grants"], message: "only metered entitlements have grants" });
        const keys = new Set<string>();
        e.grants.forEach((g, gi) => {
          unique(g.id, [...at, "grants", gi, "id"]);
          if (g.idempotencyKey) {
            if (keys.has(g.idempotencyKey))
              ctx.addIssue({ code: "custom", path: [...at, "grants", gi, "idempotencyKey"], message: "duplicate key" });
            keys.add(g.idempotencyKey);
          }
        });
      });
    });
  });

/** A seed as written (defaults optional). */
export type SeedDefinition = z.input<typeof SeedDefinitionSchema>;
/** A seed after validation (defaults applied). */
export type ParsedSeed = z.output<typeof SeedDefinitionSchema>;
