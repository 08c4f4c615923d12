import type { SeedDefinition } from "@creditkit/emulator";

type SeedCustomer = NonNullable<SeedDefinition["customers"]>[number];
type SeedGrant = NonNullable<NonNullable<SeedCustomer["entitlements"]>[number]["grants"]>;

export interface MeteredSeedOptions {
  /** Customers are `${prefix}-0`, `${prefix}-1`, … (also the merchant's name and key). */
  prefix: string;
  /** How long ago the entitlements and the plan's monthly allowance started (an ISO 8601 offset). */
  since: string;
  /** Grants beside the monthly allowance of 1,000 credits. */
  extraGrants?: SeedGrant;
}

/**
 * An emulator seed of `count` customers of one merchant, each with a metered entitlement holding a
 * recurring allowance of 1,000 credits: the many-customer seed of the load test and the benchmarks.
 */
export function meteredSeed(count: number, { prefix, since, extraGrants }: MeteredSeedOptions): SeedDefinition {
  return {
    merchant: {
      id: `org_${prefix}`,
      name: `${prefix} merchant`,
      apiKey: `sk_test_${prefix}_0123456789`,
      currency: "USD",
    },
    features: [{ key: "api-credits", name: "API credits", eventType: "api.request", valueProperty: "credits" }],
    customers: Array.from({ length: count }, (_, i) => ({
      externalId: `${prefix}-${i}`,
      name: `${prefix} customer ${i}`,
      email: `${prefix}-${i}@example.com`,
      entitlements: [
        {
          featureKey: "api-credits",
          activeFrom: since,
          usagePeriod: "P1M",
          grants: [{ amount: 1000, effectiveAt: since, recurrencePeriod: "P1M" }, ...(extraGrants ?? [])],
        },
      ],
    })),
  };
}
