import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmulatorControl, makeHandler, startTestEmulator, testClock } from "./test-support/harness.ts";

let emu: EmulatorControl;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.emu.close());
beforeEach(() => emu.reset());

describe("GET /catalog", () => {
  it("serves the server-side catalog with normalised prices and the custom rules", async () => {
    const res = await makeHandler(emu).get("/catalog");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.json).toEqual({
      currency: "USD",
      packs: [
        { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
        { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
        { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
      ],
      custom: { minCredits: 500, maxCredits: 100000, step: 100, unitPrice: "0.01", minPrice: "0.50" },
    });
  });

  it("answers custom: null when the catalog has packs only", async () => {
    const client = makeHandler(emu, {
      catalog: { currency: "USD", packs: [{ id: "one", credits: 10, price: "1", label: "One" }] },
    });
    expect((await client.get("/catalog")).json).toMatchObject({ custom: null, packs: [{ price: "1.00" }] });
  });
});

describe("GET /balance", () => {
  it("answers the live balance of the signed-in customer's entitlement", async () => {
    const alice = emu.customer("acme-alice");
    const res = await makeHandler(emu).get("/balance");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      entitlementId: alice.entitlementId,
      balance: expect.any(Number),
      usageInPeriod: expect.any(Number),
      overage: expect.any(Number),
      hasAccess: expect.any(Boolean),
      isSoftLimit: false,
      currentPeriodStart: expect.any(String),
      currentPeriodEnd: expect.any(String),
    });
  });

  it("reads each customer's own entitlement", async () => {
    const client = makeHandler(emu);
    const bob = await client.get("/balance", { as: "acme-bob" });
    expect(bob.json.entitlementId).toBe(emu.customer("acme-bob").entitlementId);
  });
});

describe("GET /grants", () => {
  it("pages the customer's grants newest first, as the widget's Grant view", async () => {
    const client = makeHandler(emu);
    const first = await client.get("/grants?limit=5");
    expect(first.status).toBe(200);
    expect(first.json.grants).toHaveLength(5);
    expect(first.json.pagination).toMatchObject({ limit: 5, offset: 0 });
    expect(first.json.pagination.total).toBeGreaterThan(5);
    for (const g of first.json.grants) {
      expect(Object.keys(g).sort()).toEqual(
        ["amount", "createdAt", "effectiveAt", "expiresAt", "id", "purchaseId", "source", "status", "voidedAt"].sort(),
      );
      expect(["active", "scheduled", "expired"]).toContain(g.status);
    }
    const created = first.json.grants.map((g: { createdAt: string }) => Date.parse(g.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    const second = await client.get("/grants?limit=5&offset=5");
    const ids = new Set(first.json.grants.map((g: { id: string }) => g.id));
    for (const g of second.json.grants) expect(ids.has(g.id)).toBe(false);
  });

  it("defaults to 20 and hides voided grants unless includeVoided=true", async () => {
    const client = makeHandler(emu);
    const plain = await client.get("/grants");
    expect(plain.json.pagination).toMatchObject({ limit: 20, offset: 0 });
    const withVoided = await client.get("/grants?includeVoided=true&limit=100");
    expect(withVoided.json.pagination.total).toBeGreaterThan(plain.json.pagination.total);
    const statuses = withVoided.json.grants.map((g: { status: string }) => g.status);
    expect(statuses).toContain("voided");
    expect(plain.json.grants.map((g: { status: string }) => g.status)).not.toContain("voided");
    const sources = withVoided.json.grants.map((g: { source: string }) => g.source);
    expect(sources).toContain("plan");
    expect(sources).toContain("other");
  });
});

describe("entitlement cache", () => {
  const detailCalls = async (entitlementId: string) =>
    (await emu.requests()).filter(
      (r) =>
        r.method === "GET" && r.path.startsWith(`/v1/entitlements/${entitlementId}`) && !r.path.includes("/grants"),
    ).length;

  it("costs one entitlement call per page load (balance + grants), per customer", async () => {
    const clock = testClock();
    const client = makeHandler(emu, { now: clock.now });
    const alice = emu.customer("acme-alice").entitlementId;
    const bob = emu.customer("acme-bob").entitlementId;
    await Promise.all([client.get("/catalog"), client.get("/balance"), client.get("/grants")]);
    await client.get("/balance");
    expect(await detailCalls(alice)).toBe(1);
    await client.get("/balance", { as: "acme-bob" });
    expect(await detailCalls(bob)).toBe(1); // never shared across customers
    clock.advance(2001);
    await client.get("/balance");
    expect(await detailCalls(alice)).toBe(2);
  });
});
