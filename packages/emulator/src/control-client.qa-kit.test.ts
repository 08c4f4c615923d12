import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "svix";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulatorControl, type EmulatorControl } from "./control-client.ts";
import { startTestEmulator, type TestEmulator } from "./testing/harness.ts";
import { signWebhookEvent } from "./webhooks/sign-event.ts";

// The QA kit's helpers (issue 17) against a real emulator on loopback, with a real webhook
// receiver that can be told to fail.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let failNext = 0;
const hooks = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(failNext-- > 0 ? 500 : 204).end();
  });
});

let t: TestEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hooks`;
  t = await startTestEmulator({ webhookUrls: [hookUrl] });
  control = createEmulatorControl(t.emu.url);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => {
    hooks.close(() => resolve());
    hooks.closeAllConnections();
  });
});
beforeEach(async () => {
  await control.reset();
  received.length = 0;
  failNext = 0;
});

const buy = (idempotencyKey: string) =>
  t.client.grants.purchase(t.alice.entitlementId, {
    amount: 1000,
    price: "10.00",
    idempotencyKey,
    successUrl: "https://shop.example/ok?ck_purchase=p1",
    cancelUrl: "https://shop.example/billing?ck_purchase=p1&ck_result=cancelled",
  });

describe("lastPurchase() and purchaseDetails()", () => {
  it("give the ids, payment URL, return URLs and status of each purchase, newest last", async () => {
    await expect(control.lastPurchase()).rejects.toThrow(/no purchase/);
    await buy("k1");
    const second = await buy("k2");
    const last = await control.lastPurchase();
    expect(last).toMatchObject({
      invoiceId: second.invoiceId,
      paymentUrl: second.paymentSessions[0]?.url,
      successUrl: "https://shop.example/ok?ck_purchase=p1",
      cancelUrl: "https://shop.example/billing?ck_purchase=p1&ck_result=cancelled",
      externalCustomerId: "acme-alice",
      entitlementId: t.alice.entitlementId,
      credits: 1000,
      price: "10.00",
      currency: "USD",
      idempotencyKey: "k2",
      expiresAt: second.paymentSessions[0]?.expiresAt,
      sessionStatus: "open",
      invoiceStatus: "ISSUED",
      failureReason: null,
      grantId: null,
    });
    expect(last.paymentUrl).toBe(`${t.emu.url}/portal/pay/${last.paymentSessionId}`);
    expect((await control.purchaseDetails()).map((p) => p.idempotencyKey)).toEqual(["k1", "k2"]);
  });
});

describe("payment outcomes without a browser", () => {
  it("insufficient funds: PAYMENT_FAILED with INSUFFICIENT_FUNDS, still payable, then paid", async () => {
    await buy("nsf");
    const { paymentSessionId, invoiceId } = await control.lastPurchase();
    const failed = await control.insufficientFundsSession(paymentSessionId);
    expect(failed).toMatchObject({ status: "open", invoiceStatus: "PAYMENT_FAILED" });
    const invoice = await control.invoice(invoiceId);
    expect(invoice.failureReason).toBe("INSUFFICIENT_FUNDS");
    expect(invoice.paymentUrl).toMatch(/\/portal\/pay\//);
    await control.declineSession(paymentSessionId);
    expect((await control.invoice(invoiceId)).failureReason).toBe("CARD_DECLINED");
    await control.completeSession(paymentSessionId);
    const paid = await control.invoice(invoiceId);
    expect(paid.status).toBe("PAID");
    expect(paid.failureReason).toBeUndefined();
    const reasons = ((paid.metadata?.transitions ?? []) as Array<{ status: string; reason?: string }>).map(
      (x) => `${x.status}${x.reason ? `:${x.reason}` : ""}`,
    );
    expect(reasons).toEqual(["ISSUED", "PAYMENT_FAILED:INSUFFICIENT_FUNDS", "PAYMENT_FAILED:CARD_DECLINED", "PAID"]);
  });

  it("a held payment stays processing (ISSUED, paymentInFlight, no grant) until released; release credits it once", async () => {
    await buy("held");
    const { paymentSessionId, invoiceId } = await control.lastPurchase();
    const before = await control.balance("acme-alice");
    expect(await control.holdSession(paymentSessionId)).toMatchObject({
      status: "processing",
      invoiceStatus: "ISSUED",
      redirectUrl: "https://shop.example/ok?ck_purchase=p1",
    });
    // Neither time nor expiry moves it: only a release does.
    expect((await control.advanceClock("PT48H")).settled).toBe(0);
    const processing = await control.invoice(invoiceId);
    expect([processing.status, processing.paymentInFlight]).toEqual(["ISSUED", true]);
    expect(await control.balance("acme-alice")).toBe(before);
    expect((await control.lastPurchase()).sessionStatus).toBe("processing");

    expect(await control.releaseSession(paymentSessionId)).toMatchObject({
      status: "completed",
      invoiceStatus: "PAID",
    });
    expect(await control.releaseSession(paymentSessionId)).toMatchObject({ status: "completed" });
    expect(await control.balance("acme-alice")).toBe(before + 1000);
    expect((await control.grants("acme-alice")).filter((g) => g.idempotencyKey === "held")).toHaveLength(1);
  });

  it("release refuses a session that is not processing (409, nothing changes)", async () => {
    await buy("open");
    const { paymentSessionId, invoiceId } = await control.lastPurchase();
    await expect(control.releaseSession(paymentSessionId)).rejects.toThrow(/409.*PAYMENT_SESSION_OPEN/);
    expect((await control.invoice(invoiceId)).status).toBe("ISSUED");
  });
});

describe("a clock move settles pending payments", () => {
  let slow: TestEmulator;
  beforeAll(async () => {
    slow = await startTestEmulator({ settleDelayMs: 3_600_000 });
  });
  afterAll(() => slow.close());

  it("Pay with a settle delay is processing until the emulator's clock passes the delay", async () => {
    const c = createEmulatorControl(slow.emu.url);
    await slow.client.grants.purchase(slow.alice.entitlementId, { amount: 10, price: "1.00", idempotencyKey: "slow" });
    const { paymentSessionId, invoiceId } = await c.lastPurchase();
    await c.completeSession(paymentSessionId);
    expect((await c.invoice(invoiceId)).status).toBe("ISSUED");
    expect((await c.advanceClock("PT59M")).settled).toBe(0);
    expect((await c.advanceClock("PT1M")).settled).toBe(1);
    expect((await c.invoice(invoiceId)).status).toBe("PAID");
  });
});

describe("grants(customer)", () => {
  it("lists every page of a seeded customer's grants, newest first; voided ones on request", async () => {
    const live = await control.grants("acme-alice");
    expect(live).toHaveLength(25);
    expect(live.some((g) => g.id === "grt_aliceVoided")).toBe(false);
    const all = await control.grants("cus_demoalice", { includeVoided: true });
    expect(all).toHaveLength(26);
    const created = all.map((g) => Date.parse(g.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    await expect(control.grants("nobody")).rejects.toThrow(/no seeded customer/);
  });
});

describe("requests()", () => {
  it("lists API requests only: not a browser's /favicon.ico, the hosted page or control routes", async () => {
    await buy("log");
    const { paymentUrl } = await control.lastPurchase();
    await fetch(`${t.emu.url}/favicon.ico`);
    await fetch(paymentUrl);
    const paths = (await control.requests()).map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([`POST /v1/entitlements/${t.alice.entitlementId}/grants/purchase`]);
  });
});

describe("webhook deliveries", () => {
  it("waitForDelivery() returns the delivered invoice.paid.v0 with its attempts; deliveries() filters", async () => {
    failNext = 1; // the first attempt fails, the retry succeeds
    await buy("hook");
    const { paymentSessionId, invoiceId } = await control.lastPurchase();
    await control.completeSession(paymentSessionId);
    const delivery = await control.waitForDelivery({ eventType: "invoice.paid.v0", invoiceId });
    expect(delivery.status).toBe("delivered");
    expect(delivery.attempts.map((a) => [a.status, a.error])).toEqual([
      [500, "HTTP 500"],
      [204, null],
    ]);
    expect(delivery.messageId).toMatch(/^msg_/);
    expect(await control.deliveries({ invoiceId: "inv_other" })).toEqual([]);
    expect(await control.deliveries({ status: "delivered" })).toHaveLength(1);
    await expect(control.waitForDelivery({ invoiceId: "inv_other" }, { timeoutMs: 300 })).rejects.toThrow(
      /no webhook delivery matching .*inv_other.*seen: invoice.paid.v0 delivered/,
    );
  });

  it("redeliver() sends the same message again under the same svix-id, validly signed", async () => {
    await buy("again");
    const { paymentSessionId } = await control.lastPurchase();
    await control.completeSession(paymentSessionId);
    const { messageId } = await control.waitForDelivery();
    await control.redeliver(messageId);
    await expect.poll(() => received.length).toBe(2);
    expect(received.map((r) => r.headers["svix-id"])).toEqual([messageId, messageId]);
    expect(received[1]?.body).toBe(received[0]?.body);
    const verifier = new Webhook(t.emu.webhookSecret);
    for (const r of received) expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    await expect.poll(async () => (await control.deliveries())[0]?.attempts.length).toBe(2);
    await expect(control.redeliver("msg_unknown")).rejects.toThrow(/404/);
  });

  it("reset forgets the deliveries", async () => {
    await buy("gone");
    await control.completeSession((await control.lastPurchase()).paymentSessionId);
    await control.waitForDelivery();
    await control.reset();
    expect(await control.deliveries()).toEqual([]);
  });
});

describe("signWebhookEvent()", () => {
  it("signs a custom event that svix verifies with the secret, under a given id and time", () => {
    const event = { eventType: "invoice.paid.v0", eventId: "evt_custom", data: { invoiceId: "inv_x" } };
    const signed = signWebhookEvent(t.emu.webhookSecret, event, { id: "msg_fixed" });
    expect(signed.headers["svix-id"]).toBe("msg_fixed");
    expect(new Webhook(t.emu.webhookSecret).verify(signed.body, signed.headers)).toEqual(event);
    const old = signWebhookEvent(t.emu.webhookSecret, event, { timestamp: new Date(Date.now() - 3_600_000) });
    expect(() => new Webhook(t.emu.webhookSecret).verify(old.body, old.headers)).toThrow(/timestamp/i);
  });
});
