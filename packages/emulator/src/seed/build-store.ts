import { Store } from "../store/store.ts";
import { addDuration, parseDuration, parseSignedDuration } from "../time/duration.ts";
import type { ParsedSeed } from "./seed-schema.ts";

/** A seed time (absolute, or a duration relative to the anchor) in epoch ms. */
export function resolveSeedTime(text: string, anchor: number): number {
  const relative = parseSignedDuration(text);
  return relative ? addDuration(anchor, relative) : Date.parse(text);
}

/**
 * Builds the store from a validated seed whose ids are all assigned (assignSeedIds), with
 * relative times counted from `anchor` (the clock's start). Called at start-up and on reset.
 */
export function buildStore(seed: ParsedSeed, anchor: number): Store {
  const at = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : resolveSeedTime(text, anchor);
  const iso = (ms: number) => new Date(ms).toISOString();

  const store = new Store({ ...seed.merchant });
  for (const f of seed.features) {
    store.addFeature({
      id: f.id!,
      key: f.key,
      name: f.name ?? f.key,
      type: f.type,
      eventType: f.eventType ?? null,
      valueProperty: f.valueProperty,
      productId: f.productId!,
      pricingUnitId: f.pricingUnitId,
      config: f.config,
    });
  }

  for (const c of seed.customers) {
    const createdAt = iso(at(c.createdAt, anchor));
    store.addCustomer({
      id: c.id!,
      consumerId: c.consumerId!,
      externalId: c.externalId,
      name: c.name,
      email: c.email,
      phone: undefined,
      address: undefined,
      taxId: undefined,
      validTaxAddress: { valid: true },
      createdAt,
      updatedAt: createdAt,
    });
    for (const e of c.entitlements) {
      const feature = store.featureByKey(e.featureKey)!;
      const activeFrom = at(e.activeFrom, anchor);
      const period = e.usagePeriod === null ? undefined : parseDuration(e.usagePeriod);
      const ent = store.addEntitlement({
        id: e.id!,
        customerId: c.id!,
        feature,
        subscriptionId: e.subscriptionId,
        status: "active",
        activeFrom: iso(activeFrom),
        activeTo: e.activeTo == null ? null : iso(resolveSeedTime(e.activeTo, anchor)),
        metadata: e.metadata,
        isSoftLimit: e.isSoftLimit,
        usagePeriod: period && e.usagePeriod !== null ? { interval: e.usagePeriod, anchor: activeFrom, period } : null,
      });
      for (const g of e.grants) {
        const effectiveAt = at(g.effectiveAt, anchor);
        store.addGrant(ent, {
          id: g.id!,
          amount: g.amount,
          effectiveAt,
          expiresAt: g.expiresAt == null ? null : resolveSeedTime(g.expiresAt, anchor),
          voidedAt: g.voidedAt === undefined ? null : resolveSeedTime(g.voidedAt, anchor),
          createdAt: at(g.createdAt, Math.min(effectiveAt, anchor)),
          recurrencePeriod: g.recurrencePeriod ?? null,
          idempotencyKey: g.idempotencyKey ?? null,
          priority: g.priority,
          resetMaxRollover: g.resetMaxRollover,
          resetMinRollover: g.resetMinRollover,
        });
        if (g.idempotencyKey) {
          const view = ent.grantsById.get(g.id!)!.view;
          // Seeded keys behave like keys used through the API: the same key with other
          // parameters is a 409. The fingerprint of a seeded grant never matches a request's.
          ent.idempotency.set(g.idempotencyKey, { kind: "grant", fingerprint: `seed:${g.id}`, body: view });
        }
      }
      for (const u of e.usage) store.addUsage(ent, { at: resolveSeedTime(u.at, anchor), amount: u.amount });
    }
  }
  return store;
}
