import { describe, expect, it } from "vitest";
import { emulatorForFile, failure, meteredOf, namedFields } from "../testing/harness.ts";

const t = await emulatorForFile();

describe("GET /v1/entitlements", () => {
  it("lists a customer's entitlements by id or external id, with live balances", async () => {
    const byId = await t.client.entitlements.list({ customerId: "cus_demobob" });
    const byExternal = await t.client.entitlements.list({ externalCustomerId: "acme-bob" });
    expect(byExternal).toEqual(byId);
    expect(byId.pagination).toEqual({ limit: 10, offset: 0, total: 1 });
    expect(byId.data[0]).toMatchObject({
      entitlementId: "ent_demobob",
      customerId: "cus_demobob",
      featureKey: "api-credits",
      featureType: "metered",
      status: "active",
      balance: 2125,
      usageInPeriod: 375,
      overage: 0,
      hasAccess: true,
      isSoftLimit: false,
    });
  });

  it("needs exactly one of customerId and externalCustomerId", async () => {
    const both = await t.api("GET", "/v1/entitlements?customerId=cus_demobob&externalCustomerId=acme-bob");
    expect(both.status).toBe(400);
    expect(namedFields(both)).toEqual(["customerId"]);
    const neither = await t.api("GET", "/v1/entitlements");
    expect(neither.status).toBe(400);
    expect((await failure(() => t.client.entitlements.list({}))).kind).toBe("invalid_request");
  });

  it("answers an unknown customer with an empty list", async () => {
    const list = await t.client.entitlements.list({ externalCustomerId: "nobody" });
    expect(list).toEqual({ object: "list", data: [], pagination: { limit: 10, offset: 0, total: 0 } });
  });

  it("refuses out-of-range paging and a bad `at`, naming each field", async () => {
    const res = await t.api("GET", "/v1/entitlements?customerId=cus_demobob&limit=101&offset=-1&at=yesterday");
    expect(res.status).toBe(400);
    expect(namedFields(res).sort()).toEqual(["at", "limit", "offset"]);
    const zero = await t.api("GET", "/v1/entitlements?customerId=cus_demobob&limit=0");
    expect(namedFields(zero)).toEqual(["limit"]);
    const text = await t.api("GET", "/v1/entitlements?customerId=cus_demobob&limit=ten");
    expect(namedFields(text)).toEqual(["limit"]);
  });
});

describe("GET /v1/entitlements/{id}", () => {
  it("computes balance, usage in period and period bounds at the clock's now", async () => {
    const carol = await meteredOf(t.client, "ent_democarol");
    expect(carol).toMatchObject({
      object: "entitlement",
      id: "ent_democarol",
      balance: 50,
      usageInPeriod: 1450,
      overage: 0,
      hasAccess: true,
      currentPeriodStart: "2026-02-23T12:00:00.000Z",
      currentPeriodEnd: "2026-03-23T12:00:00.000Z",
    });
  });

  it("evaluates at any instant with ?at=", async () => {
    const before = await meteredOf(t.client, "ent_demobob", { at: "2026-03-13T12:00:00Z" });
    expect(before).toMatchObject({ balance: 2200, usageInPeriod: 300 });
    const monthAgo = await meteredOf(t.client, "ent_demobob", { at: "2026-02-20T00:00:00Z" });
    expect(monthAgo).toMatchObject({ balance: 400, currentPeriodStart: "2026-02-03T12:00:00.000Z" });
  });

  it("refills the plan allowance when the clock crosses the period boundary", async () => {
    await t.control("POST", "/__emulator/clock", { advanceBy: "P9D" });
    const carol = await meteredOf(t.client, "ent_democarol");
    // The plan refilled (1000) and the loyalty grant that starts at +5 days is now in (300).
    expect(carol).toMatchObject({
      balance: 1300,
      usageInPeriod: 0,
      currentPeriodStart: "2026-03-23T12:00:00.000Z",
      currentPeriodEnd: "2026-04-23T12:00:00.000Z",
    });
  });

  it("loses access with a hard limit once usage exceeds the balance, and counts the overage", async () => {
    await t.client.events.create({
      type: "api.request",
      source: "test",
      subject: "cus_democarol",
      data: { credits: 60 },
    });
    const carol = await meteredOf(t.client, "ent_democarol");
    expect(carol).toMatchObject({ balance: 0, overage: 10, usageInPeriod: 1510, hasAccess: false });
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const missing = await failure(meteredOf(t.client, "ent_nope"));
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
    const bad = await t.api("GET", "/v1/entitlements/not-an-id");
    expect(bad.status).toBe(400);
    expect(namedFields(bad)).toEqual(["entitlementId"]);
  });
});

describe("POST /v1/entitlements", () => {
  async function newCustomer(externalId: string) {
    const created = await t.client.customers.create({
      merchantId: t.emu.merchantId,
      externalId,
      consumer: { name: "Dana", email: "dana@example.com", address: { country: "US" } },
    });
    return created.customerId;
  }

  it("issues a metered entitlement, with the plan allowance from issueAfterReset", async () => {
    const customerId = await newCustomer("acme-dana");
    const ent = await t.client.entitlements.issue({
      customerId,
      featureId: "feat_apicredits",
      template: { type: "metered", usagePeriod: { interval: "P1M" }, issueAfterReset: 250 },
      subscriptionId: "sub_dana",
    });
    expect(ent).toMatchObject({
      object: "entitlement",
      customerId,
      featureKey: "api-credits",
      subscriptionId: "sub_dana",
      balance: 250,
      hasAccess: true,
    });
    const grants = await t.client.grants.list(ent.id);
    expect(grants.data[0]).toMatchObject({ amount: 250, recurrencePeriod: "P1M", priority: 1 });
    const again = await failure(
      t.client.entitlements.issue({ customerId, featureId: "feat_apicredits", template: { type: "metered" } }),
    );
    expect(again).toMatchObject({ status: 409, code: "ENTITLEMENT_EXISTS" });
  });

  it("starts empty without an allowance: no access under a hard limit", async () => {
    const customerId = await newCustomer("acme-erin");
    const ent = await t.client.entitlements.issue({
      customerId,
      featureId: "feat_apicredits",
      template: { type: "metered", usagePeriod: { interval: "P1M" } },
    });
    expect(ent).toMatchObject({ balance: 0, hasAccess: false, usageInPeriod: 0 });
  });

  it("refuses unknown customers and features, a wrong template type and a bad interval", async () => {
    const customerId = await newCustomer("acme-finn");
    const body = { customerId, featureId: "feat_apicredits", template: { type: "metered" as const } };
    expect(await failure(t.client.entitlements.issue({ ...body, customerId: "cus_nobody" }))).toMatchObject({
      status: 404,
    });
    expect(await failure(t.client.entitlements.issue({ ...body, featureId: "feat_nothing" }))).toMatchObject({
      status: 404,
    });
    const wrongType = await t.api("POST", "/v1/entitlements", { ...body, template: { type: "boolean" } });
    expect(namedFields(wrongType)).toEqual(["template.type"]);
    const badInterval = await t.api("POST", "/v1/entitlements", {
      ...body,
      template: { type: "metered", usagePeriod: { interval: "monthly" } },
    });
    expect(namedFields(badInterval)).toEqual(["template.usagePeriod.interval"]);
    const shape = await t.api("POST", "/v1/entitlements", { customerId: "x", template: { type: "nope" } });
    expect(namedFields(shape).sort()).toEqual(["customerId", "featureId", "template.type"]);
    const list = await t.client.entitlements.list({ customerId });
    expect(list.data).toHaveLength(0);
  });
});

describe("authentication", () => {
  it("answers 401 without a key and with a wrong one, never echoing the key", async () => {
    const none = await t.api("GET", "/v1/entitlements/ent_demobob", undefined, { authorization: "" });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: "unauthorized" });
    const wrongKey = `${t.emu.apiKey}x`;
    const wrong = await t.api("GET", "/v1/entitlements/ent_demobob", undefined, {
      authorization: `Bearer ${wrongKey}`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(wrongKey);
    const basic = await t.api("GET", "/v1/entitlements/ent_demobob", undefined, {
      authorization: `Basic ${t.emu.apiKey}`,
    });
    expect(basic.status).toBe(401);
  });

  it("checks the key before doing anything", async () => {
    const res = await t.api(
      "POST",
      "/v1/entitlements/ent_demobob/grants",
      { amount: 5, idempotencyKey: "k" },
      { authorization: "Bearer sk_test_wrong" },
    );
    expect(res.status).toBe(401);
    expect((await t.client.grants.list("ent_demobob")).pagination.total).toBe(4);
  });
});
