import {
  AdminCustomerBody,
  AdminGrantBody,
  AdminRefundBody,
  AdminVoidBody,
  errorShapeProblems,
} from "@creditkit/test-kit/contract-shapes";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { Client, handlerConfig, ORIGIN } from "@creditkit/test-kit/handler-client";
import { describe, expect, it } from "vitest";
import { TopUpConfigError } from "../config/parse-config.ts";
import { createTopUpHandler } from "../handler.ts";
import { makeAdminHandler } from "../test-support/admin-client.ts";

/**
 * The admin routes (issue 11) against a real emulator, through the real handler with real Requests:
 * who may reach them, what they accept, and that grants, voids and refunds happen exactly once.
 */

const emu = await emulatorForFile();
const ALICE = "cus_demoalice";
const BOB = "cus_demobob";
const GRANT = { kind: "promotional", amount: 500, reason: "Sorry for the outage" };

/** A purchase Alice made and paid through the customer routes of the same handler. */
async function paidPurchase(handler: (r: Request) => Promise<Response>, key: string) {
  const customer = new Client(handler);
  const created = await customer.buy({ packId: "starter" }, key);
  expect(created.status).toBe(201);
  await emu.session(created.json.paymentUrl, "complete");
  expect((await customer.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("paid");
  return created.json.purchaseId as string;
}

const upstream = async (method: string, pattern: RegExp) =>
  (await emu.requests()).filter((r) => r.method === method && pattern.test(r.path));

describe("who can reach the admin routes", () => {
  const routes: [string, string, unknown][] = [
    ["GET", "/customers?externalId=acme-alice", undefined],
    ["POST", `/customers/${ALICE}/grants`, GRANT],
    ["POST", `/customers/${ALICE}/grants/grt_alicePromo/void`, { reason: "mistake" }],
    ["POST", `/customers/${ALICE}/purchases/pur_${"0".repeat(32)}/refund`, { reason: "asked" }],
  ];

  it.each(routes)("without authorizeAdmin, %s %s is a 404", async (method, path, body) => {
    const admin = makeAdminHandler(emu, { authorizeAdmin: undefined });
    const res = method === "GET" ? await admin.get(path) : await admin.post(path, body, { key: "attempt-404-1" });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect(await emu.requests()).toEqual([]);
  });

  it.each(routes)("with only a customer's session, %s %s is 403 and reaches nothing", async (method, path, body) => {
    const admin = makeAdminHandler(emu);
    const call = { actor: null, customer: "acme-alice", key: "attempt-403-1" };
    const res = method === "GET" ? await admin.get(path, call) : await admin.post(path, body, call);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect(errorShapeProblems(res)).toEqual([]);
    expect(await emu.requests()).toEqual([]);
    expect(admin.audits()).toMatchObject([{ action: "access", outcome: "denied" }]);
  });

  it("serves no admin route under the customer's base path, whoever asks", async () => {
    const admin = makeAdminHandler(emu);
    const customer = new Client(admin.handler);
    const res = await customer.get("/customers?externalId=acme-alice", {
      headers: { "x-test-admin": "agent-1" },
    });
    expect(res.status).toBe(404);
  });

  it.each([
    ["another origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
  ])("refuses a grant from %s with 403 cross_site_request (CSRF)", async (_, headers) => {
    const admin = makeAdminHandler(emu);
    const res = await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-csrf-1", headers });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("cross_site_request");
    expect(await emu.requests()).toEqual([]);
  });

  it("refuses a form post with 403 json_required", async () => {
    const admin = makeAdminHandler(emu);
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const res = await admin.post(`/customers/${ALICE}/grants`, "kind=promotional", { key: "attempt-form-1", headers });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("json_required");
  });

  it("refuses an adminBasePath that overlaps basePath", () => {
    const config = { ...handlerConfig(emu), authorizeAdmin: () => null };
    for (const adminBasePath of ["/api/topup", "/api/topup/admin", "/api"]) {
      expect(() => createTopUpHandler({ ...config, adminBasePath }), adminBasePath).toThrow(TopUpConfigError);
    }
    expect(() => createTopUpHandler({ ...config, basePath: "/api" })).toThrow(/adminBasePath/);
  });
});

describe("every bad input is a 400 naming the field", () => {
  const grants = `/customers/${ALICE}/grants`;
  it.each([
    ["kind", { ...GRANT, kind: "gift" }],
    ["kind", { amount: 500, reason: "why not" }],
    ["amount", { ...GRANT, amount: 0 }],
    ["amount", { ...GRANT, amount: 12.5 }],
    ["amount", { ...GRANT, amount: "500" }],
    ["amount", { ...GRANT, amount: 100_001 }],
    ["reason", { kind: "promotional", amount: 500 }],
    ["reason", { ...GRANT, reason: "  " }],
    ["reason", { ...GRANT, reason: "x".repeat(501) }],
    ["reason", { ...GRANT, reason: "fine\nFAKE audit line" }],
    ["effectiveAt", { ...GRANT, effectiveAt: "tomorrow" }],
    ["expiresAt", { ...GRANT, expiresAt: "2020-01-01T00:00:00Z" }],
    ["expiresAt", { ...GRANT, effectiveAt: "2099-01-02T00:00:00Z", expiresAt: "2099-01-01T00:00:00Z" }],
    ["entitlementId", { ...GRANT, entitlementId: "ent_demobob" }],
    ["idempotencyKey", { ...GRANT, idempotencyKey: "ckpromo_x" }],
    ["customerId", { ...GRANT, customerId: BOB }],
  ])("a grant with a bad %s", async (field, body) => {
    const admin = makeAdminHandler(emu);
    const res = await admin.post(grants, body, { key: "attempt-bad-01" });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await emu.requests()).toEqual([]);
  });

  it.each([
    ["Idempotency-Key", grants, GRANT, null],
    ["customerId", "/customers/alice/grants", GRANT, "attempt-bad-02"],
    ["grantId", `/customers/${ALICE}/grants/123/void`, { reason: "mistake" }, null],
    ["reason", `/customers/${ALICE}/grants/grt_alicePromo/void`, {}, null],
    ["force", `/customers/${ALICE}/grants/grt_alicePromo/void`, { reason: "mistake", force: true }, null],
    ["purchaseId", `/customers/${ALICE}/purchases/inv_1/refund`, { reason: "asked" }, null],
    ["amount", `/customers/${ALICE}/purchases/pur_${"0".repeat(32)}/refund`, { reason: "asked", amount: "5.00" }, null],
  ])("%s on %s", async (field, path, body, key) => {
    const admin = makeAdminHandler(emu);
    const res = await admin.post(path, body, key ? { key } : {});
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it.each([
    ["externalId", ""],
    ["externalId", "?externalId=acme-alice&customerId=cus_demoalice"],
    ["customerId", "?customerId=alice"],
    ["limit", "?externalId=acme-alice&limit=500"],
    ["includeVoided", "?externalId=acme-alice&includeVoided=false"],
  ])("a lookup with a bad %s (%s)", async (field, query) => {
    const res = await makeAdminHandler(emu).get(`/customers${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });
});

describe("finding a customer", () => {
  it("by the merchant's external id or Paygentic's id: balance and every grant, voided too, paginated", async () => {
    const admin = makeAdminHandler(emu);
    const byExternal = await admin.get("/customers?externalId=acme-alice&limit=10");
    expect(byExternal.status).toBe(200);
    const body = AdminCustomerBody.parse(byExternal.json);
    expect(body.customer).toEqual({ customerId: ALICE, externalId: "acme-alice", name: "Alice Martin" });
    expect(body.balance.balance).toBe(await emu.balance("acme-alice"));
    expect(body.grants.grants).toHaveLength(10);
    expect(body.grants.pagination).toEqual({ limit: 10, offset: 0, total: 26 });
    const page2 = AdminCustomerBody.parse((await admin.get(`/customers?customerId=${ALICE}&limit=10&offset=10`)).json);
    expect(page2.grants.pagination).toEqual({ limit: 10, offset: 10, total: 26 });
    expect(page2.grants.grants.map((g) => g.id)).not.toContain(body.grants.grants[0]!.id);
    const all = AdminCustomerBody.parse((await admin.get(`/customers?customerId=${ALICE}&limit=100`)).json);
    expect(all.grants.grants.find((g) => g.id === "grt_aliceVoided")?.status).toBe("voided");
  });

  it("answers 404 for an unknown customer", async () => {
    const res = await makeAdminHandler(emu).get("/customers?externalId=nobody");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});

describe("issuing a grant", () => {
  it("grants 500 promotional credits, which the customer's own history labels promotional", async () => {
    const admin = makeAdminHandler(emu);
    const before = await emu.balance("acme-alice");
    const res = await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-promo-1" });
    expect(res.status).toBe(201);
    const { grant, replayed } = AdminGrantBody.parse(res.json);
    expect(replayed).toBe(false);
    expect(grant).toMatchObject({ amount: 500, status: "active", source: "promotional", purchaseId: null });
    expect(await emu.balance("acme-alice")).toBe(before + 500);
    const own = await new Client(admin.handler).get("/grants");
    expect(own.json.grants.find((g: { id: string }) => g.id === grant.id)).toMatchObject({ source: "promotional" });
    const [sent] = await upstream("POST", /\/grants$/);
    expect((sent!.body as { idempotencyKey: string }).idempotencyKey).toMatch(/^ckpromo_[a-f0-9]{64}$/);
  });

  it("labels an adjustment so, and schedules one with a future effectiveAt", async () => {
    const admin = makeAdminHandler(emu);
    const effectiveAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await admin.post(
      `/customers/${ALICE}/grants`,
      { kind: "adjustment", amount: 120, reason: "Billing correction", effectiveAt },
      { key: "attempt-adj-1" },
    );
    expect(res.status).toBe(201);
    expect(res.json.grant).toMatchObject({ source: "adjustment", status: "scheduled", amount: 120 });
  });

  it("makes a double submit one grant, sent one after the other or at once", async () => {
    const admin = makeAdminHandler(emu);
    const before = await emu.balance("acme-alice");
    const first = await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-double-1" });
    const again = await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-double-1" });
    const both = await Promise.all([
      admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-double-2" }),
      admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-double-2" }),
    ]);
    expect(again.json.grant.id).toBe(first.json.grant.id);
    expect(again.json.replayed).toBe(true);
    expect(both[0].json.grant.id).toBe(both[1].json.grant.id);
    expect(await emu.balance("acme-alice")).toBe(before + 1000);
    expect(await upstream("POST", /\/grants$/)).toHaveLength(3);
  });

  it("refuses the same attempt key with another amount: 409", async () => {
    const admin = makeAdminHandler(emu);
    await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: "attempt-conflict-1" });
    const res = await admin.post(
      `/customers/${ALICE}/grants`,
      { ...GRANT, amount: 900 },
      { key: "attempt-conflict-1" },
    );
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("idempotency_conflict");
  });
});

describe("limits", () => {
  it("refuses a grant over maxGrantCredits with 400 naming amount", async () => {
    const admin = makeAdminHandler(emu, { adminLimits: { maxGrantCredits: 1000 } });
    const res = await admin.post(`/customers/${ALICE}/grants`, { ...GRANT, amount: 1001 }, { key: "attempt-max-1" });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe("amount");
    expect(
      (await admin.post(`/customers/${ALICE}/grants`, { ...GRANT, amount: 1000 }, { key: "attempt-max-2" })).status,
    ).toBe(201);
  });

  it("holds grants per actor per hour: 429 with Retry-After beyond it; replays and other actors unaffected", async () => {
    const admin = makeAdminHandler(emu, { adminLimits: { grantsPerActorPerHour: 2 } });
    const grant = (key: string, actor = "agent-1") => admin.post(`/customers/${ALICE}/grants`, GRANT, { key, actor });
    expect((await grant("attempt-limit-1")).status).toBe(201);
    expect((await grant("attempt-limit-2")).status).toBe(201);
    expect((await grant("attempt-limit-1")).status).toBe(201); // a replay is free
    const over = await grant("attempt-limit-3");
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe("rate_limited");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect((await grant("attempt-limit-4", "agent-2")).status).toBe(201);
    expect(await upstream("POST", /\/grants$/)).toHaveLength(4);
  });
});

describe("voiding a grant", () => {
  it("voids once: the second request answers alreadyVoided and sends no second void", async () => {
    const admin = makeAdminHandler(emu);
    const before = await emu.balance("acme-alice");
    const path = `/customers/${ALICE}/grants/grt_alicePromo/void`;
    const first = await admin.post(path, { reason: "Granted by mistake" });
    const second = await admin.post(path, { reason: "Granted by mistake" });
    expect(AdminVoidBody.parse(first.json)).toMatchObject({ alreadyVoided: false, grant: { status: "voided" } });
    expect(AdminVoidBody.parse(second.json)).toMatchObject({ alreadyVoided: true, grant: { status: "voided" } });
    expect(await upstream("DELETE", /grt_alicePromo/)).toHaveLength(1);
    // What was left of it (part of the promo was used before) is gone from the balance.
    const after = await emu.balance("acme-alice");
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThanOrEqual(before - 500);
  });

  it("answers 404 for another customer's grant, and voids nothing", async () => {
    const admin = makeAdminHandler(emu);
    const res = await admin.post(`/customers/${BOB}/grants/grt_alicePromo/void`, { reason: "Granted by mistake" });
    expect(res.status).toBe(404);
    expect(await upstream("DELETE", /grants/)).toEqual([]);
  });
});

describe("refunding a purchase", () => {
  it("voids its grant, then refunds its invoice in full, and reports both", async () => {
    const admin = makeAdminHandler(emu);
    const purchaseId = await paidPurchase(admin.handler, "buy-refund-01");
    const before = await emu.balance("acme-alice");
    const res = await admin.post(`/customers/${ALICE}/purchases/${purchaseId}/refund`, { reason: "Customer asked" });
    expect(res.status).toBe(200);
    const body = AdminRefundBody.parse(res.json);
    expect(body).toMatchObject({
      purchaseId,
      credits: 1000,
      price: "10.00",
      void: { outcome: "voided" },
      refund: { outcome: "refunded", total: "10.00" },
    });
    expect(await emu.balance("acme-alice")).toBe(before - 1000);
    const refunds = await emu.refunds();
    expect(refunds).toMatchObject([{ id: body.refund.refundId, invoiceId: body.invoiceId, reason: "Customer asked" }]);
    // The void came first.
    const order = (await emu.requests()).map((r) => `${r.method} ${r.path}`);
    const voided = order.findIndex((r) => r.startsWith("DELETE "));
    const refunded = order.findIndex((r) => r.startsWith("POST /v2/invoices/"));
    expect(voided).toBeGreaterThanOrEqual(0);
    expect(voided).toBeLessThan(refunded);
  });

  it("refuses an already-refunded purchase with 409 already_refunded, refunding nothing more", async () => {
    const admin = makeAdminHandler(emu);
    const purchaseId = await paidPurchase(admin.handler, "buy-refund-02");
    const path = `/customers/${ALICE}/purchases/${purchaseId}/refund`;
    expect((await admin.post(path, { reason: "Customer asked" })).status).toBe(200);
    const again = await admin.post(path, { reason: "Customer asked" });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_refunded");
    expect(await emu.refunds()).toHaveLength(1);
  });

  it("refuses an unpaid purchase with 409 purchase_not_refundable, changing nothing", async () => {
    const admin = makeAdminHandler(emu);
    const created = await new Client(admin.handler).buy({ packId: "starter" }, "buy-refund-03");
    const res = await admin.post(`/customers/${ALICE}/purchases/${created.json.purchaseId}/refund`, {
      reason: "Customer asked",
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("purchase_not_refundable");
    expect(res.json.error.message).toMatch(/not paid/);
    expect(await upstream("DELETE", /grants/)).toEqual([]);
    expect(await emu.refunds()).toEqual([]);
  });

  it("answers another customer's purchase exactly as a missing one (404), changing nothing", async () => {
    const admin = makeAdminHandler(emu);
    const purchaseId = await paidPurchase(admin.handler, "buy-refund-04");
    const foreign = await admin.post(`/customers/${BOB}/purchases/${purchaseId}/refund`, { reason: "Customer asked" });
    const missing = await admin.post(`/customers/${BOB}/purchases/pur_${"0".repeat(32)}/refund`, {
      reason: "Customer asked",
    });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    expect(await upstream("DELETE", /grants/)).toEqual([]);
    expect(await emu.refunds()).toEqual([]);
  });

  it("reports a refund whose second step failed, and retries it without a second void", async () => {
    const admin = makeAdminHandler(emu);
    const purchaseId = await paidPurchase(admin.handler, "buy-refund-05");
    const path = `/customers/${ALICE}/purchases/${purchaseId}/refund`;
    await emu.fault({ method: "POST", path: "/v2/invoices/*/refunds", status: 500, times: 1 });
    const failed = await admin.post(path, { reason: "Customer asked" });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe("upstream_refund_failed");
    expect(failed.json).toMatchObject({ void: { outcome: "voided" }, refund: { outcome: "failed", refundId: null } });
    expect(await emu.refunds()).toEqual([]);

    const retried = await admin.post(path, { reason: "Customer asked" });
    expect(retried.status).toBe(200);
    expect(AdminRefundBody.parse(retried.json)).toMatchObject({
      void: { outcome: "already_voided" },
      refund: { outcome: "refunded" },
    });
    expect(await upstream("DELETE", /grants/)).toHaveLength(1);
    expect(await emu.refunds()).toHaveLength(1);
    expect(
      admin
        .audits()
        .filter((a) => a.action === "purchase.refund")
        .map((a) => a.outcome),
    ).toEqual(["partial", "ok"]);
  });

  it("refunds nothing when the void fails: the customer keeps neither both nor neither half-done", async () => {
    const admin = makeAdminHandler(emu);
    const purchaseId = await paidPurchase(admin.handler, "buy-refund-06");
    await emu.fault({ method: "DELETE", path: "/v1/entitlements/*/grants/*", status: 500, times: 1 });
    const res = await admin.post(`/customers/${ALICE}/purchases/${purchaseId}/refund`, { reason: "Customer asked" });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_error");
    expect(await emu.refunds()).toEqual([]);
  });
});

describe("the audit trail", () => {
  it("writes one line per admin action with actor, action, customer, amounts, reason, ids and outcome, never a key", async () => {
    const admin = makeAdminHandler(emu);
    const attemptKey = "attempt-audit-secret-1";
    await admin.get("/customers?externalId=acme-alice");
    const granted = await admin.post(`/customers/${ALICE}/grants`, GRANT, { key: attemptKey });
    await admin.post(`/customers/${ALICE}/grants/${granted.json.grant.id}/void`, { reason: "Wrong customer" });
    const purchaseId = await paidPurchase(admin.handler, "buy-audit-01");
    const refunded = await admin.post(`/customers/${ALICE}/purchases/${purchaseId}/refund`, {
      reason: "Customer asked",
    });
    await admin.post(`/customers/${ALICE}/grants`, { ...GRANT, amount: 900 }, { key: attemptKey });

    expect(admin.audits()).toEqual([
      expect.objectContaining({ action: "customer.lookup", actorId: "agent-1", customerId: ALICE, outcome: "ok" }),
      expect.objectContaining({
        action: "grant.issue",
        actorId: "agent-1",
        customerId: ALICE,
        entitlementId: "ent_demoalice",
        kind: "promotional",
        amount: 500,
        reason: "Sorry for the outage",
        grantId: granted.json.grant.id,
        outcome: "ok",
      }),
      expect.objectContaining({
        action: "grant.void",
        grantId: granted.json.grant.id,
        amount: 500,
        reason: "Wrong customer",
        outcome: "ok",
      }),
      expect.objectContaining({
        action: "purchase.refund",
        purchaseId,
        invoiceId: refunded.json.invoiceId,
        refundId: refunded.json.refund.refundId,
        grantId: refunded.json.void.grantId,
        amount: 1000,
        price: "10.00",
        currency: "USD",
        reason: "Customer asked",
        outcome: "ok",
      }),
      expect.objectContaining({ action: "grant.issue", outcome: "refused", error: "idempotency_conflict" }),
    ]);
    const all = admin.lines.join("\n");
    expect(all).not.toContain(emu.emu.apiKey);
    expect(all).not.toMatch(/sk_(test|live)_[A-Za-z0-9]/);
    expect(all).not.toContain(attemptKey);
  });
});

describe("the answers", () => {
  it("are contract errors with the status of their code", async () => {
    const admin = makeAdminHandler(emu);
    const answers = [
      await admin.get("/customers?externalId=nobody"),
      await admin.get("/customers", { actor: null }),
      await admin.post(`/customers/${ALICE}/grants`, { ...GRANT, amount: -1 }, { key: "attempt-shape-1" }),
    ];
    for (const answer of answers) expect(errorShapeProblems(answer), answer.text).toEqual([]);
    expect(ORIGIN).toMatch(/^http/);
  });
});
