import { DEMO_API_KEY } from "../constants.ts";
import type { SeedDefinition } from "./seed-schema.ts";

/**
 * The demo merchant "Acme Cloud": one credit feature and three customers, each with a metered
 * entitlement and a history relative to the clock's start. The ids are fixed so that apps and
 * docs can name them (see the README). Alice has enough grants to need a second page.
 */

const ALICE_TOPUPS = Array.from({ length: 22 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  const daysAgo = 70 - i * 3;
  return {
    id: `grt_aliceTopup${n}`,
    amount: [1000, 500, 2000, 1000, 5000][i % 5] as number,
    effectiveAt: `-P${daysAgo}DT2H`,
    // Paid top-ups last a year, so a few old ones are near their end but none has lapsed.
    expiresAt: `P${365 - daysAgo}D`,
    idempotencyKey: `topup-alice-${n}`,
  };
});

export const DEMO_SEED = {
  merchant: { id: "org_acmecloud", name: "Acme Cloud", apiKey: DEMO_API_KEY, currency: "USD" },
  features: [
    {
      id: "feat_apicredits",
      key: "api-credits",
      name: "API credits",
      type: "metered",
      eventType: "api.request",
      valueProperty: "credits",
      productId: "prod_acmecloudpro",
    },
  ],
  customers: [
    {
      id: "cus_demoalice",
      consumerId: "org_demoalice",
      externalId: "acme-alice",
      name: "Alice Martin",
      email: "alice@example.com",
      createdAt: "-P75D",
      entitlements: [
        {
          id: "ent_demoalice",
          featureKey: "api-credits",
          activeFrom: "-P75D",
          usagePeriod: "P1M",
          isSoftLimit: false,
          subscriptionId: "sub_demoalice",
          grants: [
            {
              id: "grt_alicePlan",
              amount: 1000,
              effectiveAt: "-P75D",
              recurrencePeriod: "P1M",
              priority: 0,
              idempotencyKey: "plan-alice",
            },
            {
              id: "grt_alicePromo",
              amount: 500,
              effectiveAt: "-P5D",
              expiresAt: "P10D",
              idempotencyKey: "promo-alice",
            },
            {
              id: "grt_aliceVoided",
              amount: 200,
              effectiveAt: "-P20D",
              voidedAt: "-P19D",
              idempotencyKey: "goodwill-alice-mistake",
            },
            { id: "grt_aliceFuture", amount: 300, effectiveAt: "P7D", idempotencyKey: "loyalty-alice" },
            ...ALICE_TOPUPS,
          ],
          usage: [
            { at: "-P60D", amount: 640 },
            { at: "-P41D", amount: 1200 },
            { at: "-P25D", amount: 380 },
            { at: "-P12D", amount: 450 },
            { at: "-P6D", amount: 220 },
            { at: "-P2D", amount: 130 },
            { at: "-PT3H", amount: 45 },
          ],
        },
      ],
    },
    {
      id: "cus_demobob",
      consumerId: "org_demobob",
      externalId: "acme-bob",
      name: "Bob Okafor",
      email: "bob@example.com",
      createdAt: "-P40D",
      entitlements: [
        {
          id: "ent_demobob",
          featureKey: "api-credits",
          activeFrom: "-P40D",
          usagePeriod: "P1M",
          subscriptionId: "sub_demobob",
          grants: [
            {
              id: "grt_bobPlan",
              amount: 1000,
              effectiveAt: "-P40D",
              recurrencePeriod: "P1M",
              idempotencyKey: "plan-bob",
            },
            { id: "grt_bobPromo", amount: 500, effectiveAt: "-P3D", expiresAt: "P10D", idempotencyKey: "promo-bob" },
            { id: "grt_bobVoided", amount: 1000, effectiveAt: "-P30D", voidedAt: "-P29D", idempotencyKey: "bob-dup" },
            { id: "grt_bobFuture", amount: 250, effectiveAt: "P14D", idempotencyKey: "loyalty-bob" },
            { id: "grt_bobTopup01", amount: 1000, effectiveAt: "-P20D", idempotencyKey: "topup-bob-01" },
          ],
          usage: [
            { at: "-P35D", amount: 600 },
            { at: "-P9D", amount: 300 },
            { at: "-P1D", amount: 75 },
          ],
        },
      ],
    },
    {
      id: "cus_democarol",
      consumerId: "org_democarol",
      externalId: "acme-carol",
      name: "Carol Nguyen",
      email: "carol@example.com",
      createdAt: "-P20D",
      entitlements: [
        {
          id: "ent_democarol",
          featureKey: "api-credits",
          activeFrom: "-P20D",
          usagePeriod: "P1M",
          subscriptionId: "sub_democarol",
          grants: [
            {
              id: "grt_carolPlan",
              amount: 1000,
              effectiveAt: "-P20D",
              recurrencePeriod: "P1M",
              idempotencyKey: "plan-carol",
            },
            {
              id: "grt_carolPromo",
              amount: 500,
              effectiveAt: "-P6D",
              expiresAt: "P10D",
              idempotencyKey: "promo-carol",
            },
            {
              id: "grt_carolVoided",
              amount: 250,
              effectiveAt: "-P15D",
              voidedAt: "-P14D",
              idempotencyKey: "carol-dup",
            },
            { id: "grt_carolFuture", amount: 300, effectiveAt: "P5D", idempotencyKey: "loyalty-carol" },
          ],
          // Nearly used up: 50 credits left, so the "low balance" state is visible in the demo.
          usage: [
            { at: "-P19D", amount: 300 },
            { at: "-P12D", amount: 400 },
            { at: "-P7D", amount: 250 },
            { at: "-P4D", amount: 300 },
            { at: "-P1D", amount: 200 },
          ],
        },
      ],
    },
  ],
} satisfies SeedDefinition;
