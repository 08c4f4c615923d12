import type { Grant } from "@creditkit/paygentic";
import { describe, expect, it } from "vitest";
import { emulatorForFile, failure, meteredOf, namedFields, T0 } from "../testing/harness.ts";

const t = await emulatorForFile();

const ALICE = "ent_demoalice";
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();
const DAY = 86_400_000;

/** A new customer with an empty metered entitlement (no plan grant), for exact balance checks. */
async function emptyEntitlement(externalId: string): Promise<{ id: string; customerId: string }> {
  const { customerId } = await t.client.customers.create({
    merchantId: t.emu.merchantId,
    externalId,
    consumer: { name: externalId, email: `${externalId}@example.com`, address: { country: "US" } },
  });
  const ent = await t.client.entitlements.issue({
    customerId,
    featureId: "feat_apicredits",
    template: { type: "metered", usagePeriod: { interval: "P1M" }, isSoftLimit: false },
  });
  return { id: ent.id, customerId };
}

const burn = (customerId: string, credits: number) =>
  t.client.events.create({ type: "api.request", source: "test", subject: customerId, data: { credits } });
const balanceOf = async (id: string) => (await meteredOf(t.client, id)).balance;

describe("POST /v1/entitlements/{id}/grants", () => {
  it("creates a grant with the documented defaults and answers 201", async () => {
    const res = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, { amount: 250, idempotencyKey: "goodwill-1" });
    expect(res.status).toBe(201);
    const grant = res.json as Grant;
    expect(grant).toMatchObject({
      object: "grant",
      entitlementId: ALICE,
      amount: 250,
      expiresAt: null,
      voidedAt: null,
      recurrencePeriod: null,
      idempotencyKey: "goodwill-1",
      resetMaxRollover: 999_999_999_999,
      resetMinRollover: 0,
      priority: 0,
    });
    expect(grant.id).toMatch(/^grt_[a-f0-9]{24}$/);
    // effectiveAt defaults to now (the API reference), not the period start (the guide).
    expect(Date.parse(grant.effectiveAt) - Date.parse(T0)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(grant.effectiveAt) - Date.parse(T0)).toBeLessThan(60_000);
    expect(grant.createdAt).toBe(grant.effectiveAt);
  });

  it("replays the same key and parameters with 201 and the original grant", async () => {
    const body = { amount: 100, idempotencyKey: "replay-1", expiresAt: "2026-06-01T00:00:00Z" };
    const first = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, body);
    await t.client.grants.void(ALICE, first.json.id);
    const again = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, body);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    const all = await t.client.grants.list(ALICE, { includeVoided: true, limit: 100 });
    expect(all.data.filter((g) => g.idempotencyKey === "replay-1")).toHaveLength(1);
  });

  it.each([
    ["amount", { amount: 101 }],
    ["expiresAt", { expiresAt: "2026-06-02T00:00:00Z" }],
    ["effectiveAt", { effectiveAt: T0 }],
    ["priority", { priority: 3 }],
  ])("answers 409 when the key comes back with a different %s", async (_field, change) => {
    const body = { amount: 100, idempotencyKey: "conflict-1", expiresAt: "2026-06-01T00:00:00Z" };
    await t.client.grants.create(ALICE, body);
    const error = await failure(t.client.grants.create(ALICE, { ...body, ...change }));
    expect(error).toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("scopes keys to the entitlement, and treats seeded keys as used", async () => {
    const bob = await t.client.grants.create("ent_demobob", { amount: 5, idempotencyKey: "shared" });
    const carol = await t.client.grants.create("ent_democarol", { amount: 5, idempotencyKey: "shared" });
    expect(bob.id).not.toBe(carol.id);
    const seeded = await failure(t.client.grants.create(ALICE, { amount: 5, idempotencyKey: "promo-alice" }));
    expect(seeded.status).toBe(409);
  });

  it("names each invalid field and creates nothing", async () => {
    const res = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, {
      amount: 0,
      idempotencyKey: "x".repeat(256),
      priority: 40_000,
      effectiveAt: "soon",
      resetMaxRollover: -1,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: "validation_error", message: "Validation failed" });
    expect(namedFields(res).sort()).toEqual([
      "amount",
      "effectiveAt",
      "idempotencyKey",
      "priority",
      "resetMaxRollover",
    ]);
    const window = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, {
      amount: 1,
      idempotencyKey: "w",
      effectiveAt: "2026-04-01T00:00:00Z",
      expiresAt: "2026-03-20T00:00:00Z",
    });
    expect(namedFields(window)).toEqual(["expiresAt"]);
    const rollover = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, {
      amount: 1,
      idempotencyKey: "r",
      resetMinRollover: 10,
      resetMaxRollover: 5,
    });
    expect(namedFields(rollover)).toEqual(["resetMinRollover"]);
    const negative = await t.api("POST", `/v1/entitlements/${ALICE}/grants`, { amount: -5, idempotencyKey: "n" });
    expect(namedFields(negative)).toEqual(["amount"]);
    expect((await t.client.grants.list(ALICE, { includeVoided: true })).pagination.total).toBe(26);
  });

  it("answers 404 on an unknown entitlement", async () => {
    expect(await failure(t.client.grants.create("ent_missing", { amount: 1, idempotencyKey: "k" }))).toMatchObject({
      status: 404,
      code: "not_found",
    });
  });
});

describe("GET /v1/entitlements/{id}/grants", () => {
  it("pages 20 at a time by default, newest first, voided grants hidden", async () => {
    const first = await t.client.grants.list(ALICE);
    expect(first.pagination).toEqual({ limit: 20, offset: 0, total: 25 });
    expect(first.data).toHaveLength(20);
    const rest = await t.client.grants.list(ALICE, { offset: 20 });
    expect(rest.data).toHaveLength(5);
    const all = [...first.data, ...rest.data];
    expect(new Set(all.map((g) => g.id)).size).toBe(25);
    const created = all.map((g) => Date.parse(g.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(all.some((g) => g.voidedAt)).toBe(false);
  });

  it("includes voided grants only when asked, and allows up to 100 per page", async () => {
    const all = await t.client.grants.list(ALICE, { includeVoided: true, limit: 100 });
    expect(all.pagination).toEqual({ limit: 100, offset: 0, total: 26 });
    expect(all.data.find((g) => g.id === "grt_aliceVoided")?.voidedAt).toBeTruthy();
    const tooMany = await t.api("GET", `/v1/entitlements/${ALICE}/grants?limit=101&includeVoided=yes&offset=x`);
    expect(tooMany.status).toBe(400);
    expect(namedFields(tooMany).sort()).toEqual(["includeVoided", "limit", "offset"]);
  });

  it("lists a new grant first", async () => {
    const grant = await t.client.grants.create(ALICE, { amount: 7, idempotencyKey: "newest" });
    expect((await t.client.grants.list(ALICE, { limit: 1 })).data[0]?.id).toBe(grant.id);
  });
});

describe("GET and DELETE /v1/entitlements/{id}/grants/{grantId}", () => {
  it("reads a grant, and 404s on another entitlement's grant or an unknown one", async () => {
    expect(await t.client.grants.get(ALICE, "grt_alicePromo")).toMatchObject({ amount: 500, expiresAt: at(10 * DAY) });
    expect((await failure(t.client.grants.get("ent_demobob", "grt_alicePromo"))).status).toBe(404);
    expect((await failure(t.client.grants.get(ALICE, "grt_nothing"))).status).toBe(404);
    const bad = await t.api("GET", `/v1/entitlements/${ALICE}/grants/nope`);
    expect(namedFields(bad)).toEqual(["grantId"]);
  });

  it("voids idempotently: a second void returns the voided grant unchanged with 200", async () => {
    const first = await t.api("DELETE", `/v1/entitlements/${ALICE}/grants/grt_alicePromo`);
    expect(first.status).toBe(200);
    expect(first.json.voidedAt).toBeTruthy();
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT1H" });
    const second = await t.api("DELETE", `/v1/entitlements/${ALICE}/grants/grt_alicePromo`);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect((await t.client.grants.list(ALICE)).pagination.total).toBe(24);
  });
});

describe("live balance", () => {
  it("burns lowest priority, then earliest expiry, then oldest; skips future grants", async () => {
    const ent = await emptyEntitlement("acme-burn");
    await t.client.grants.create(ent.id, { amount: 100, idempotencyKey: "late-priority", priority: 1 });
    await t.client.grants.create(ent.id, { amount: 100, idempotencyKey: "expiring", expiresAt: at(5 * DAY) });
    await t.client.grants.create(ent.id, { amount: 100, idempotencyKey: "forever" });
    await t.client.grants.create(ent.id, { amount: 40, idempotencyKey: "future", effectiveAt: at(10 * DAY) });
    expect(await balanceOf(ent.id)).toBe(300);

    await burn(ent.customerId, 150);
    // "expiring" (same priority, earlier expiry) is used up, then 50 of "forever".
    expect(await balanceOf(ent.id)).toBe(150);
    await t.control("POST", "/__emulator/clock", { advanceBy: "P6D" });
    expect(await balanceOf(ent.id)).toBe(150);
    await t.control("POST", "/__emulator/clock", { advanceBy: "P4D" });
    expect(await balanceOf(ent.id)).toBe(190);
  });

  it("drops an expiring grant's remainder when it expires", async () => {
    const ent = await emptyEntitlement("acme-expiry");
    await t.client.grants.create(ent.id, { amount: 80, idempotencyKey: "promo", expiresAt: at(2 * DAY) });
    await t.client.grants.create(ent.id, { amount: 20, idempotencyKey: "base" });
    await burn(ent.customerId, 30);
    expect(await balanceOf(ent.id)).toBe(70);
    await t.control("POST", "/__emulator/clock", { advanceBy: "P2D" });
    expect(await balanceOf(ent.id)).toBe(20);
  });

  it("removes only what is left of a voided grant", async () => {
    const ent = await emptyEntitlement("acme-void");
    const grant = await t.client.grants.create(ent.id, { amount: 100, idempotencyKey: "g" });
    await t.client.grants.create(ent.id, { amount: 100, idempotencyKey: "h", priority: 5 });
    await burn(ent.customerId, 30);
    expect(await balanceOf(ent.id)).toBe(170);
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT1M" });
    await t.client.grants.void(ent.id, grant.id);
    expect(await balanceOf(ent.id)).toBe(100);
    expect((await meteredOf(t.client, ent.id)).usageInPeriod).toBe(30);
  });
});
