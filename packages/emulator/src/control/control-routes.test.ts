import { describe, expect, it } from "vitest";
import { emulatorForFile, namedFields, startTestEmulator, T0, type TestEmulator } from "../testing/harness.ts";
import { RequestLog } from "./request-log.ts";

const t = await emulatorForFile();

const HOUR = 3_600_000;
const clockNow = async () => Date.parse((await t.control("POST", "/__emulator/clock", { advanceBy: "PT0S" })).json.now);

describe("GET /__emulator/seed", () => {
  it("describes the demo merchant and customers with fixed ids", async () => {
    const res = await t.control("GET", "/__emulator/seed");
    expect(res.json).toEqual(t.emu.seedInfo());
    expect(res.json).toMatchObject({
      apiKey: t.emu.apiKey,
      merchantId: "org_acmecloud",
      merchantName: "Acme Cloud",
      customers: [
        { customerId: "cus_demoalice", externalId: "acme-alice", entitlementId: "ent_demoalice", name: "Alice Martin" },
        { customerId: "cus_demobob", externalId: "acme-bob", entitlementId: "ent_demobob" },
        { customerId: "cus_democarol", externalId: "acme-carol", entitlementId: "ent_democarol" },
      ],
    });
  });
});

describe("POST /__emulator/clock", () => {
  it("advances by ISO-8601 durations, calendar-aware, and jumps to an instant", async () => {
    const start = await clockNow();
    expect(start - Date.parse(T0)).toBeLessThan(60_000);
    const after = Date.parse((await t.control("POST", "/__emulator/clock", { advanceBy: "PT25H" })).json.now);
    expect(after - start).toBeGreaterThanOrEqual(25 * HOUR);
    expect(after - start).toBeLessThan(25 * HOUR + 60_000);
    const jumped = await t.control("POST", "/__emulator/clock", { now: "2026-01-31T00:00:00Z" });
    expect(jumped.json.now).toMatch(/^2026-01-31T00:00:0/);
    const month = await t.control("POST", "/__emulator/clock", { advanceBy: "P1M" });
    expect(month.json.now).toMatch(/^2026-02-28T00:00:0/);
  });

  it("refuses anything else, naming the field", async () => {
    expect(namedFields(await t.control("POST", "/__emulator/clock", {}))).toEqual(["advanceBy"]);
    expect(namedFields(await t.control("POST", "/__emulator/clock", { advanceBy: "P1D", now: T0 }))).toEqual([
      "advanceBy",
    ]);
    for (const advanceBy of ["25 hours", "-PT1H", "P", "PT"]) {
      expect(namedFields(await t.control("POST", "/__emulator/clock", { advanceBy }))).toEqual(["advanceBy"]);
    }
    expect(namedFields(await t.control("POST", "/__emulator/clock", { now: "tomorrow" }))).toEqual(["now"]);
    expect(namedFields(await t.control("POST", "/__emulator/clock", "{oops"))).toEqual(["(body)"]);
    expect((await clockNow()) - Date.parse(T0)).toBeLessThan(60_000);
  });
});

describe("POST /__emulator/reset", () => {
  it("restores the seeded state, ids, clock, faults and request log", async () => {
    const before = (await t.api("GET", "/v1/entitlements/ent_demobob/grants?includeVoided=true")).json;
    const first = await t.client.grants.purchase("ent_demobob", { amount: 5, price: "1.00", idempotencyKey: "a" });
    await t.client.grants.create("ent_demobob", { amount: 5, idempotencyKey: "b" });
    await t.control("POST", "/__emulator/clock", { advanceBy: "P3D" });
    await t.control("POST", "/__emulator/faults", { path: "/v0/**", status: 500 });

    const res = await t.control("POST", "/__emulator/reset");
    expect(res.status).toBe(200);
    expect((await t.api("GET", "/v1/entitlements/ent_demobob/grants?includeVoided=true")).json).toEqual(before);
    expect((await t.api("GET", `/v2/invoices/${first.invoiceId}`)).status).toBe(404);
    expect((await clockNow()) - Date.parse(T0)).toBeLessThan(60_000);
    expect((await t.api("GET", "/v0/customers/cus_demobob")).status).toBe(200);
    const log = (await t.control("GET", "/__emulator/requests")).json;
    expect(log.map((r: { path: string }) => r.path)).toEqual([
      "/v1/entitlements/ent_demobob/grants?includeVoided=true",
      `/v2/invoices/${first.invoiceId}`,
      "/v0/customers/cus_demobob",
    ]);
    const again = await t.client.grants.purchase("ent_demobob", { amount: 5, price: "1.00", idempotencyKey: "a" });
    expect(again.invoiceId).toBe(first.invoiceId);
  });
});

describe("GET /__emulator/requests", () => {
  it("records API requests only, oldest first, with parsed bodies and statuses", async () => {
    await t.api("GET", "/v1/entitlements?externalCustomerId=acme-bob&limit=5");
    await t.api("POST", "/v1/entitlements/ent_demobob/grants", { amount: 3, idempotencyKey: "log" });
    await t.api("GET", "/v1/entitlements/ent_demobob", undefined, { authorization: "Bearer nope" });
    await t.control("GET", "/__emulator/seed");
    await t.control("GET", "/portal/pay/ps_none");
    const log = (await t.control("GET", "/__emulator/requests")).json;
    expect(log).toEqual([
      {
        method: "GET",
        path: "/v1/entitlements?externalCustomerId=acme-bob&limit=5",
        body: null,
        status: 200,
        at: expect.any(String),
      },
      {
        method: "POST",
        path: "/v1/entitlements/ent_demobob/grants",
        body: { amount: 3, idempotencyKey: "log" },
        status: 201,
        at: expect.any(String),
      },
      { method: "GET", path: "/v1/entitlements/ent_demobob", body: null, status: 401, at: expect.any(String) },
    ]);
    expect(JSON.stringify(log)).not.toContain(t.emu.apiKey);
  });

  it("keeps only the most recent entries", () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) log.add({ method: "GET", path: `/${i}`, body: null, status: 200, at: T0 });
    expect(log.list().map((e) => e.path)).toEqual(["/3", "/4", "/5"]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});

describe("control routes", () => {
  it("404s unknown routes and sessions, 405s wrong methods, 400s malformed session ids", async () => {
    expect((await t.control("GET", "/__emulator/nothing")).status).toBe(404);
    expect((await t.control("GET", "/__emulator/reset")).status).toBe(405);
    expect((await t.control("POST", "/__emulator/payment-sessions/ps_nobody/complete")).status).toBe(404);
    const bad = await t.control("POST", "/__emulator/payment-sessions/nope/complete");
    expect(namedFields(bad)).toEqual(["id"]);
    expect((await t.control("POST", "/__emulator/payment-sessions/ps_x/refund")).status).toBe(404);
  });
});

describe("determinism", () => {
  it("gives two deterministic emulators the same ids for the same requests", async () => {
    const other = await startTestEmulator();
    try {
      const run = async (x: TestEmulator) => {
        const p = await x.client.grants.purchase("ent_democarol", { amount: 9, price: "2.00", idempotencyKey: "d" });
        await x.control("POST", `/__emulator/payment-sessions/${p.paymentSessions[0]?.url.split("/").pop()}/complete`);
        const g = await x.client.grants.create("ent_democarol", { amount: 1, idempotencyKey: "e" });
        const c = await x.client.customers.create({ merchantId: "org_acmecloud", consumerId: "org_demobob" });
        return [p.invoiceId, p.paymentSessions[0]?.url.split("/").pop(), g.id, c.customerId];
      };
      const mine = await run(t);
      expect(await run(other)).toEqual(mine);
      expect(mine).toEqual([
        "inv_000000000000000000000001",
        "ps_000000000000000000000002",
        "grt_000000000000000000000005",
        "cus_000000000000000000000006",
      ]);
    } finally {
      await other.close();
    }
  });
});
