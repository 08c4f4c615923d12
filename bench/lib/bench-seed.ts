/**
 * The benchmarks' emulator seed: `count` customers "bench-0" … of one merchant, each with a metered
 * entitlement holding the plan's recurring allowance plus any `extraGrants` (offsets are relative
 * to the emulator's clock, like every seed).
 */
export function benchSeed(count: number, extraGrants: Array<Record<string, unknown>> = []) {
  return {
    merchant: { id: "org_benchco", name: "Bench Co", apiKey: "sk_test_bench_0123456789abcdef", currency: "USD" },
    features: [{ key: "api-credits", name: "API credits", eventType: "api.request", valueProperty: "credits" }],
    customers: Array.from({ length: count }, (_, i) => ({
      externalId: `bench-${i}`,
      name: `Bench customer ${i}`,
      email: `bench-${i}@example.com`,
      entitlements: [
        {
          featureKey: "api-credits",
          activeFrom: "-P30D",
          usagePeriod: "P1M",
          grants: [{ amount: 1000, effectiveAt: "-P30D", recurrencePeriod: "P1M" }, ...extraGrants],
        },
      ],
    })),
  };
}
