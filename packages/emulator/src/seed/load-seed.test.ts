import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../start-emulator.ts";
import { meteredOf, startTestEmulator } from "../testing/harness.ts";
import { DEMO_SEED } from "./demo-seed.ts";
import { loadSeed, SeedError } from "./load-seed.ts";
import type { SeedDefinition } from "./seed-schema.ts";

const dir = mkdtempSync(join(tmpdir(), "creditkit-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minimal: SeedDefinition = {
  merchant: { id: "org_shop", name: "Shop", apiKey: "sk_test_shop_12345678" },
  features: [{ key: "tokens", eventType: "llm.tokens", valueProperty: "tokens" }],
  customers: [
    {
      externalId: "u-1",
      name: "Uma",
      email: "uma@example.com",
      entitlements: [
        {
          featureKey: "tokens",
          activeFrom: "-P1D",
          grants: [
            { amount: 100, effectiveAt: "-P1D" },
            { amount: 50, effectiveAt: "2020-01-01T00:00:00Z" },
          ],
          usage: [{ at: "-PT1H", amount: 30 }],
        },
      ],
    },
  ],
};

describe("the demo seed", () => {
  it("has the history the demo and the tests rely on", () => {
    const seed = loadSeed("demo");
    expect(seed.merchant).toMatchObject({ name: "Acme Cloud", currency: "USD" });
    expect(seed.features).toEqual([
      expect.objectContaining({ key: "api-credits", eventType: "api.request", valueProperty: "credits" }),
    ]);
    expect(seed.customers.map((c) => c.externalId)).toEqual(["acme-alice", "acme-bob", "acme-carol"]);
    for (const customer of seed.customers) {
      const ent = customer.entitlements[0];
      if (!ent) throw new Error("no entitlement");
      expect(ent).toMatchObject({ usagePeriod: "P1M", isSoftLimit: false });
      expect(ent.grants.some((g) => g.recurrencePeriod === "P1M" && g.amount === 1000)).toBe(true);
      expect(ent.grants.some((g) => g.expiresAt === "P10D")).toBe(true);
      expect(ent.grants.some((g) => g.voidedAt !== undefined)).toBe(true);
      expect(ent.grants.some((g) => g.effectiveAt?.startsWith("P"))).toBe(true);
      expect(ent.usage.length).toBeGreaterThan(0);
    }
    expect(seed.customers[0]?.entitlements[0]?.grants.length).toBeGreaterThanOrEqual(25);
  });
});

describe("custom seeds", () => {
  it("accepts a seed object without ids and serves it", async () => {
    const t = await startTestEmulator({ seed: minimal });
    try {
      expect(t.emu.apiKey).toBe("sk_test_shop_12345678");
      const info = t.emu.seedInfo();
      expect(info).toMatchObject({ merchantId: "org_shop", merchantName: "Shop" });
      const ent = await meteredOf(t.client, info.customers[0]?.entitlementId as string);
      expect(ent).toMatchObject({ balance: 120, featureKey: "tokens" });
      await t.client.events.create({ type: "llm.tokens", source: "s", externalSubject: "u-1", data: { tokens: 20 } });
      expect((await meteredOf(t.client, ent.id)).balance).toBe(100);
      await t.control("POST", "/__emulator/reset");
      expect(t.emu.seedInfo()).toEqual(info);
    } finally {
      await t.close();
    }
  });

  it("reads a JSON seed file", async () => {
    const file = join(dir, "seed.json");
    writeFileSync(file, JSON.stringify(minimal));
    const emu = await startEmulator({ seed: file });
    try {
      expect(emu.merchantId).toBe("org_shop");
    } finally {
      await emu.close();
    }
  });

  it("names every problem of an invalid seed", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the point is to break the seed's types.
    const bad = structuredClone(minimal) as any;
    bad.merchant.apiKey = "sk_live_nope";
    bad.customers[0].email = "not-an-email";
    bad.customers[0].entitlements[0].featureKey = "missing";
    bad.customers.push({ ...structuredClone(minimal.customers?.[0]), id: "cus_x" });
    bad.customers.push({ id: "cus_x", name: "X", email: "x@example.com", extra: true });
    let message = "";
    try {
      loadSeed(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      message = (error as Error).message;
    }
    expect(message).toContain("merchant.apiKey");
    expect(message).toContain("customers.0.email");
    expect(message).toContain("customers.0.entitlements.0.featureKey");
    expect(message).toContain('customers.2: Unrecognized key: "extra"');
    expect(message).toContain("duplicate id cus_x");
    expect(message).toContain("customers.1.externalId: duplicate externalId");
  });

  it("explains an unreadable or non-JSON seed file", () => {
    expect(() => loadSeed(join(dir, "missing.json"))).toThrow(/cannot read seed file .*missing\.json/);
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ nope");
    expect(() => loadSeed(file)).toThrow(/broken\.json is not valid JSON/);
    expect(() => loadSeed({ ...DEMO_SEED, features: [] })).toThrow(/features: /);
  });

  it("refuses bad options with the field names", async () => {
    await expect(startEmulator({ port: -1, webhookSecret: "secret", webhookUrls: ["ftp://x"] })).rejects.toThrow(
      /port.*webhookUrls\.0.*webhookSecret|port/,
    );
  });
});
