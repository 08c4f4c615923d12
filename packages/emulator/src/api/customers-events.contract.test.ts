import { ValidTaxAddressSpec } from "@creditkit/paygentic";
import { describe, expect, it } from "vitest";
import { emulatorForFile, failure, meteredOf, namedFields, T0 } from "../testing/harness.ts";

const t = await emulatorForFile();

const consumer = { name: "Dana Reyes", email: "dana@example.com", address: { line1: "1 Main St", country: "US" } };

describe("customers", () => {
  it("creates a customer (201) and finds it by id and by external id", async () => {
    const res = await t.api("POST", "/v0/customers", {
      merchantId: "org_acmecloud",
      externalId: "acme-dana",
      consumer,
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      customerId: expect.stringMatching(/^cus_/),
      validTaxAddress: { valid: true },
    });
    const customer = await t.client.customers.get(res.json.customerId);
    expect(customer).toMatchObject({
      object: "customer",
      merchantId: "org_acmecloud",
      externalId: "acme-dana",
      organization: { name: "Dana Reyes", billingEmails: ["dana@example.com"] },
      createdAt: expect.any(String),
    });
    const found = await t.client.customers.list({ organizationId: "org_acmecloud", externalId: "acme-dana" });
    expect(found.data.map((c) => c.id)).toEqual([res.json.customerId]);
  });

  it("answers validTaxAddress as Paygentic's spec schema has it: message a string, omitted when there is none", async () => {
    const created = await t.api("POST", "/v0/customers", { merchantId: "org_acmecloud", consumer });
    const flagged = await t.api("POST", "/v0/customers", {
      merchantId: "org_acmecloud",
      consumer: { ...consumer, address: {} },
    });
    const single = await t.api("GET", `/v0/customers/${created.json.customerId}`);
    const list = await t.api("GET", "/v0/customers?organizationId=org_acmecloud&limit=100");
    const answered = [
      created.json.validTaxAddress,
      flagged.json.validTaxAddress,
      single.json.validTaxAddress,
      ...list.json.data.map((c: { validTaxAddress: unknown }) => c.validTaxAddress),
    ];
    expect(answered).toHaveLength(2 + 1 + 5);
    for (const value of answered) {
      // The spec's own schema (the read schema would forgive a null); the raw JSON, not a parsed copy.
      expect(ValidTaxAddressSpec.safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(value).not.toMatchObject({ message: null });
    }
    expect(created.json.validTaxAddress).toEqual({ valid: true });
    expect(flagged.json.validTaxAddress).toEqual({ valid: false, message: expect.any(String) });
  });

  it("lists the seeded customers, 10 per page by default", async () => {
    const list = await t.client.customers.list({ organizationId: "org_acmecloud" });
    expect(list.pagination).toEqual({ limit: 10, offset: 0, total: 3 });
    expect(list.data.map((c) => c.externalId)).toEqual(["acme-alice", "acme-bob", "acme-carol"]);
    const page = await t.client.customers.list({ organizationId: "org_acmecloud", limit: 1, offset: 2 });
    expect(page.data.map((c) => c.externalId)).toEqual(["acme-carol"]);
  });

  it("reuses a consumer organization by consumerId, and flags an address without a country", async () => {
    const alice = await t.client.customers.get("cus_demoalice");
    const again = await t.client.customers.create({ merchantId: "org_acmecloud", consumerId: alice.consumerId });
    expect((await t.client.customers.get(again.customerId)).organization?.name).toBe("Alice Martin");
    const noCountry = await t.client.customers.create({
      merchantId: "org_acmecloud",
      consumer: { ...consumer, address: {} },
    });
    expect(noCountry.validTaxAddress.valid).toBe(false);
  });

  it("refuses another merchant, a taken external id, unknown consumers and bad fields", async () => {
    expect(await failure(t.client.customers.create({ merchantId: "org_other", consumer }))).toMatchObject({
      status: 403,
    });
    expect(
      await failure(t.client.customers.create({ merchantId: "org_acmecloud", externalId: "acme-bob", consumer })),
    ).toMatchObject({ status: 409, code: "EXTERNAL_ID_TAKEN" });
    expect(
      await failure(t.client.customers.create({ merchantId: "org_acmecloud", consumerId: "org_nobody" })),
    ).toMatchObject({ status: 404 });
    const bad = await t.api("POST", "/v0/customers", {
      merchantId: "acme",
      consumer: { name: "", email: "not-an-email", address: {} },
    });
    expect(namedFields(bad).sort()).toEqual(["consumer.email", "consumer.name", "merchantId"]);
    const neither = await t.api("POST", "/v0/customers", { merchantId: "org_acmecloud" });
    expect(namedFields(neither)).toEqual(["consumer"]);
    expect((await t.client.customers.list({ organizationId: "org_acmecloud" })).pagination.total).toBe(3);
    const noOrg = await t.api("GET", "/v0/customers");
    expect(namedFields(noOrg)).toEqual(["organizationId"]);
    expect((await failure(t.client.customers.get("cus_nobody"))).status).toBe(404);
  });
});

describe("POST /v0/events", () => {
  const event = { type: "api.request", source: "https://app.example", subject: "cus_demobob", data: { credits: 25 } };
  const bobBalance = async () => (await meteredOf(t.client, "ent_demobob")).balance;

  it("burns data.credits from the customer's metered entitlement and answers 202", async () => {
    const res = await t.api("POST", "/v0/events", event);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ object: "event", type: "api.request", subject: "cus_demobob" });
    expect(res.json.id).toMatch(/^evt_/);
    expect(await bobBalance()).toBe(2100);
    expect((await meteredOf(t.client, "ent_demobob")).usageInPeriod).toBe(400);
  });

  it("resolves externalSubject, defaults to 1 credit and accepts numeric strings", async () => {
    await t.client.events.create({ type: "api.request", source: "s", externalSubject: "acme-bob", data: {} });
    await t.client.events.create({ ...event, data: { credits: "4" } });
    expect(await bobBalance()).toBe(2120);
  });

  it("counts a repeated idempotencyKey once", async () => {
    const first = await t.client.events.create({ ...event, idempotencyKey: "evt-1" });
    const second = await t.client.events.create({ ...event, idempotencyKey: "evt-1" });
    expect(second).toEqual(first);
    expect(await bobBalance()).toBe(2100);
  });

  it("burns at the event's timestamp", async () => {
    await t.client.events.create({ ...event, timestamp: "2026-03-13T00:00:00Z" });
    const before = await meteredOf(t.client, "ent_demobob", { at: "2026-03-12T23:00:00Z" });
    const after = await meteredOf(t.client, "ent_demobob", { at: "2026-03-13T01:00:00Z" });
    expect(before.balance - after.balance).toBe(25);
    const future = new Date(Date.parse(T0) + 3_600_000).toISOString();
    await t.client.events.create({ ...event, timestamp: future, data: { credits: 5 } });
    expect(await bobBalance()).toBe(2100);
  });

  it("accepts and ignores unknown types and unknown customers", async () => {
    const unknownType = await t.api("POST", "/v0/events", { ...event, type: "page.view" });
    expect(unknownType.status).toBe(202);
    const unknownCustomer = await t.api("POST", "/v0/events", { ...event, subject: "cus_nobody" });
    expect(unknownCustomer.status).toBe(202);
    expect(unknownCustomer.json).not.toHaveProperty("subject");
    expect(await bobBalance()).toBe(2125);
  });

  it("refuses a missing subject, bad fields and a non-numeric credit value", async () => {
    const noSubject = await t.api("POST", "/v0/events", { type: "api.request", source: "s", data: {} });
    expect(namedFields(noSubject)).toEqual(["subject"]);
    const bad = await t.api("POST", "/v0/events", { type: "", source: "", subject: "cus_demobob", data: [] });
    expect(namedFields(bad).sort()).toEqual(["data", "source", "type"]);
    const credits = await t.api("POST", "/v0/events", { ...event, data: { credits: "lots" }, idempotencyKey: "e" });
    expect(namedFields(credits)).toEqual(["data.credits"]);
    const negative = await t.api("POST", "/v0/events", { ...event, data: { credits: -3 } });
    expect(namedFields(negative)).toEqual(["data.credits"]);
    // The refused keyed event was not remembered: the same key now counts.
    await t.client.events.create({ ...event, idempotencyKey: "e" });
    expect(await bobBalance()).toBe(2100);
  });
});
