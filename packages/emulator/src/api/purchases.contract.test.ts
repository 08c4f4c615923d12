import { describe, expect, it, vi } from "vitest";
import { emulatorForFile, failure, meteredOf, namedFields, startTestEmulator, T0 } from "../testing/harness.ts";

const t = await emulatorForFile();

const BOB = "ent_demobob";
const PURCHASE = { amount: 1000, price: "10.00", idempotencyKey: "buy-1" };
const INVOICE_REQUIRED = [
  "id",
  "object",
  "merchantId",
  "subscriptionId",
  "customerId",
  "sequenceNumber",
  "status",
  "currency",
  "periodStart",
  "periodEnd",
  "gracePeriodEnd",
  "billingAnchor",
  "billingCadence",
  "autoApprove",
  "itemCount",
  "subtotal",
  "totalTax",
  "grandTotal",
  "paidAmount",
  "unpaidAmount",
  "createdAt",
  "updatedAt",
];

const sessionOf = (url: string) => url.split("/").pop() as string;
const invoice = async (id: string) => (await t.api("GET", `/v2/invoices/${id}`)).json;
const act = (sessionId: string, action: "complete" | "decline" | "cancel") =>
  t.control("POST", `/__emulator/payment-sessions/${sessionId}/${action}`);
const grantsWithKey = async (key: string) =>
  (await t.client.grants.list(BOB, { limit: 100, includeVoided: true })).data.filter((g) => g.idempotencyKey === key);

describe("POST /v1/entitlements/{id}/grants/purchase", () => {
  it("creates an ISSUED invoice and a payment session, and no grant", async () => {
    const res = await t.api("POST", `/v1/entitlements/${BOB}/grants/purchase`, PURCHASE);
    expect(res.status).toBe(201);
    const p = res.json;
    expect(p).toMatchObject({ object: "grant_purchase", entitlementId: BOB, grantAmount: 1000, price: "10.00" });
    expect(p.currency).toBe("usd");
    expect(p.invoiceId).toMatch(/^inv_[a-f0-9]+$/);
    expect(p.paymentSessions).toHaveLength(1);
    const session = p.paymentSessions[0];
    expect(session.url).toMatch(new RegExp(`^${t.emu.url}/portal/pay/ps_[a-f0-9]+$`));
    expect(session.amount).toBe(1000);
    expect(Date.parse(session.expiresAt) - Date.parse(T0)).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(Date.parse(session.expiresAt) - Date.parse(T0)).toBeLessThan(24 * 3_600_000 + 60_000);
    expect(await grantsWithKey("buy-1")).toHaveLength(0);
    expect((await meteredOf(t.client, BOB)).balance).toBe(2125);
  });

  it("answers GET /v2/invoices/{id} with every field the spec requires", async () => {
    const p = await t.client.grants.purchase(BOB, PURCHASE);
    const inv = await invoice(p.invoiceId);
    for (const field of INVOICE_REQUIRED) expect(inv, field).toHaveProperty(field);
    expect(inv).toMatchObject({
      id: p.invoiceId,
      object: "invoice",
      merchantId: "org_acmecloud",
      subscriptionId: "sub_grantpurchase",
      customerId: "cus_demobob",
      status: "ISSUED",
      currency: "USD",
      grandTotal: "10.00",
      subtotal: "10.00",
      totalTax: "0.00",
      paidAmount: "0.00",
      unpaidAmount: "10.00",
      paidAt: null,
      paymentInFlight: false,
      paymentUrl: p.paymentSessions[0]?.url,
      metadata: {
        source: "grant_purchase",
        entitlementId: BOB,
        grantAmount: 1000,
        idempotencyKey: "buy-1",
        paymentSessionId: sessionOf(p.paymentSessions[0]?.url as string),
        transitions: [{ status: "ISSUED", at: inv.createdAt }],
      },
    });
    expect(inv).not.toHaveProperty("failureReason");
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("ISSUED");
    expect((await failure(t.client.invoices.get("inv_00ff"))).status).toBe(404);
  });

  it("converts the price to minor units, rounding half-up", async () => {
    const p = await t.client.grants.purchase(BOB, { amount: 50, price: "0.505", idempotencyKey: "odd" });
    expect(p.paymentSessions[0]?.amount).toBe(51);
    expect((await invoice(p.invoiceId)).grandTotal).toBe("0.51");
  });

  it("replays the same key with the original answer, and 409s on other parameters or a grant's key", async () => {
    const first = await t.client.grants.purchase(BOB, PURCHASE);
    const again = await t.api("POST", `/v1/entitlements/${BOB}/grants/purchase`, PURCHASE);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first);
    for (const change of [{ price: "11.00" }, { amount: 999 }, { successUrl: "https://shop.example/ok" }]) {
      const error = await failure(t.client.grants.purchase(BOB, { ...PURCHASE, ...change }));
      expect(error).toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_REUSED" });
    }
    expect(await failure(t.client.grants.create(BOB, { amount: 1000, idempotencyKey: "buy-1" }))).toMatchObject({
      status: 409,
    });
    await t.client.grants.create(BOB, { amount: 5, idempotencyKey: "grant-first" });
    const crossed = await failure(t.client.grants.purchase(BOB, { ...PURCHASE, idempotencyKey: "grant-first" }));
    expect(crossed.status).toBe(409);
    const log = (await t.control("GET", "/__emulator/requests")).json as Array<{ path: string; status: number }>;
    expect(log.filter((r) => r.path.endsWith("/purchase")).map((r) => r.status)).toEqual([
      201, 201, 409, 409, 409, 409,
    ]);
  });

  it.each([
    ["price", { price: "0.49" }],
    ["price", { price: "4503599.63" }],
    ["price", { price: "5.0000000001" }],
    ["price", { price: "-5.00" }],
    ["price", { price: "5,00" }],
    ["price", { price: 5 }],
    ["amount", { amount: 0 }],
    ["amount", { amount: 1e12 }],
    ["amount", { amount: 0.000000001 }],
    ["amount", { amount: "10" }],
    ["idempotencyKey", { idempotencyKey: "" }],
    ["idempotencyKey", { idempotencyKey: "k".repeat(256) }],
    ["successUrl", { successUrl: "not a url" }],
    ["paymentExpiresAt", { paymentExpiresAt: "2026-03-15T11:00:00Z" }],
    ["expiresAt", { effectiveAt: "2026-04-01T00:00:00Z", expiresAt: "2026-03-20T00:00:00Z" }],
  ])("refuses a bad %s (%j) and creates nothing", async (field, change) => {
    const res = await t.api("POST", `/v1/entitlements/${BOB}/grants/purchase`, { ...PURCHASE, ...change });
    expect(res.status).toBe(400);
    expect(namedFields(res)).toEqual([field]);
    const ok = await t.client.grants.purchase(BOB, PURCHASE);
    expect(ok.invoiceId).toBe("inv_000000000000000000000001");
  });

  it("accepts the bounds themselves", async () => {
    await t.client.grants.purchase(BOB, { amount: 1, price: "0.50", idempotencyKey: "min" });
    const max = await t.client.grants.purchase(BOB, {
      amount: 999_999_999_999,
      price: "4503599.62",
      idempotencyKey: "max",
    });
    expect(max.paymentSessions[0]?.amount).toBe(450_359_962);
  });
});

describe("paying, declining, cancelling and expiring", () => {
  it("Pay: invoice PAID, one grant with the purchase's key, balance credited", async () => {
    const p = await t.client.grants.purchase(BOB, {
      ...PURCHASE,
      successUrl: "https://shop.example/done",
      expiresAt: "2027-03-15T00:00:00Z",
    });
    const done = await act(sessionOf(p.paymentSessions[0]?.url as string), "complete");
    expect(done.json).toMatchObject({
      status: "completed",
      invoiceId: p.invoiceId,
      invoiceStatus: "PAID",
      redirectUrl: "https://shop.example/done",
    });
    const inv = await invoice(p.invoiceId);
    expect(inv).toMatchObject({ status: "PAID", paidAmount: "10.00", unpaidAmount: "0.00", paymentUrl: null });
    expect(inv.paidAt).toBeTruthy();
    const [grant] = await grantsWithKey("buy-1");
    expect(grant).toMatchObject({ amount: 1000, expiresAt: "2027-03-15T00:00:00.000Z", recurrencePeriod: null });
    expect(inv.metadata.grantId).toBe(grant?.id);
    expect(inv.metadata.transitions.map((x: { status: string }) => x.status)).toEqual(["ISSUED", "PAID"]);
    expect((await meteredOf(t.client, BOB)).balance).toBe(3125);

    const twice = await act(sessionOf(p.paymentSessions[0]?.url as string), "complete");
    expect(twice.status).toBe(200);
    expect(await grantsWithKey("buy-1")).toHaveLength(1);
    expect(
      (
        await t.client.grants.purchase(BOB, {
          ...PURCHASE,
          successUrl: "https://shop.example/done",
          expiresAt: "2027-03-15T00:00:00Z",
        })
      ).invoiceId,
    ).toBe(p.invoiceId);
  });

  it("Decline: PAYMENT_FAILED with CARD_DECLINED, still payable, then paid once", async () => {
    const p = await t.client.grants.purchase(BOB, PURCHASE);
    const session = sessionOf(p.paymentSessions[0]?.url as string);
    expect((await act(session, "decline")).json).toMatchObject({ status: "open", invoiceStatus: "PAYMENT_FAILED" });
    const failed = await invoice(p.invoiceId);
    expect(failed).toMatchObject({
      status: "PAYMENT_FAILED",
      failureReason: "CARD_DECLINED",
      paymentUrl: p.paymentSessions[0]?.url,
    });
    expect((await t.client.invoices.get(p.invoiceId)).failureReason).toBe("CARD_DECLINED");
    await act(session, "complete");
    const paid = await invoice(p.invoiceId);
    expect(paid.status).toBe("PAID");
    expect(paid).not.toHaveProperty("failureReason");
    expect(paid.metadata.transitions.map((x: { status: string }) => x.status)).toEqual([
      "ISSUED",
      "PAYMENT_FAILED",
      "PAID",
    ]);
    expect(await grantsWithKey("buy-1")).toHaveLength(1);
  });

  it("Cancel: CANCELLED with cancelReason customer_cancelled, and no grant ever", async () => {
    const p = await t.client.grants.purchase(BOB, { ...PURCHASE, cancelUrl: "https://shop.example/cancelled" });
    const session = sessionOf(p.paymentSessions[0]?.url as string);
    expect((await act(session, "cancel")).json).toMatchObject({
      status: "cancelled",
      invoiceStatus: "CANCELLED",
      redirectUrl: "https://shop.example/cancelled",
    });
    const inv = await invoice(p.invoiceId);
    expect(inv).toMatchObject({
      status: "CANCELLED",
      paymentUrl: null,
      metadata: { cancelReason: "customer_cancelled" },
    });
    const late = await act(session, "complete");
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ code: "PAYMENT_SESSION_CANCELLED", invoiceStatus: "CANCELLED" });
    expect(await grantsWithKey("buy-1")).toHaveLength(0);
  });

  it("Expiry: past expiresAt the invoice is CANCELLED with payment_session_expired", async () => {
    const p = await t.client.grants.purchase(BOB, PURCHASE);
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT23H" });
    expect((await invoice(p.invoiceId)).status).toBe("ISSUED");
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT2H" });
    const inv = await invoice(p.invoiceId);
    expect(inv).toMatchObject({
      status: "CANCELLED",
      paymentUrl: null,
      metadata: { cancelReason: "payment_session_expired" },
    });
    expect(inv.metadata.transitions[1]).toEqual({
      status: "CANCELLED",
      at: p.paymentSessions[0]?.expiresAt,
      reason: "payment_session_expired",
    });
    const late = await act(sessionOf(p.paymentSessions[0]?.url as string), "complete");
    expect(late.json).toMatchObject({ code: "PAYMENT_SESSION_EXPIRED" });
    expect(await grantsWithKey("buy-1")).toHaveLength(0);
  });

  it("honours a requested paymentExpiresAt", async () => {
    const p = await t.client.grants.purchase(BOB, { ...PURCHASE, paymentExpiresAt: "2026-03-15T13:00:00Z" });
    expect(p.paymentSessions[0]?.expiresAt).toBe("2026-03-15T13:00:00.000Z");
    await t.control("POST", "/__emulator/clock", { now: "2026-03-15T13:00:00Z" });
    expect((await invoice(p.invoiceId)).metadata.cancelReason).toBe("payment_session_expired");
  });
});

describe("settle delay", () => {
  it("redirects at once, shows the payment in flight, then settles on a real timer", async () => {
    const slow = await startTestEmulator({ settleDelayMs: 150 });
    try {
      const p = await slow.client.grants.purchase("ent_demobob", PURCHASE);
      const session = sessionOf(p.paymentSessions[0]?.url as string);
      const done = await slow.control("POST", `/__emulator/payment-sessions/${session}/complete`);
      expect(done.json).toMatchObject({ status: "processing", invoiceStatus: "ISSUED" });
      const inFlight = await slow.client.invoices.get(p.invoiceId);
      expect(inFlight).toMatchObject({ status: "ISSUED", paymentInFlight: true });
      // Processing payments do not expire.
      await slow.control("POST", "/__emulator/clock", { advanceBy: "P2D" });
      await vi.waitFor(async () => expect((await slow.client.invoices.get(p.invoiceId)).status).toBe("PAID"), {
        timeout: 5_000,
        interval: 20,
      });
      const paid = await slow.client.invoices.get(p.invoiceId);
      expect(paid.paymentInFlight).toBe(false);
      const grants = await slow.client.grants.list("ent_demobob", { limit: 1 });
      expect(grants.data[0]).toMatchObject({ idempotencyKey: "buy-1", amount: 1000 });
    } finally {
      await slow.close();
    }
  });
});
