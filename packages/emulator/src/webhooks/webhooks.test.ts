import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InvoicePaidEvent } from "@creditkit/paygentic";
import { Webhook } from "svix";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_WEBHOOK_SECRET } from "../constants.ts";
import { startTestEmulator, type TestEmulator } from "../testing/harness.ts";
import { WebhookDispatcher } from "./dispatcher.ts";

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver that answers `statuses` in turn (then 200) and hands over each delivery. */
async function receiver(statuses: number[] = []) {
  const deliveries: Delivery[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    deliveries,
    /** Resolves once `n` deliveries have arrived. */
    async received(n: number): Promise<Delivery[]> {
      while (deliveries.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return deliveries.slice(0, n);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const svixHeaders = (d: Delivery) => ({
  "svix-id": String(d.headers["svix-id"]),
  "svix-timestamp": String(d.headers["svix-timestamp"]),
  "svix-signature": String(d.headers["svix-signature"]),
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(statuses: number[] = [], options: { webhookSecret?: string } = {}) {
  const hook = await receiver(statuses);
  cleanups.push(hook.close);
  const t = await startTestEmulator({ webhookUrls: [hook.url], ...options });
  cleanups.push(t.close);
  return { hook, t };
}

async function buyAndPay(t: TestEmulator) {
  const p = await t.client.grants.purchase("ent_demobob", { amount: 1000, price: "10.00", idempotencyKey: "hook-1" });
  const session = p.paymentSessions[0]?.url.split("/").pop();
  await t.control("POST", `/__emulator/payment-sessions/${session}/complete`);
  return p;
}

describe("invoice.paid.v0 webhooks", () => {
  it("delivers a Svix-signed invoice.paid.v0 that verifies and parses", async () => {
    const { hook, t } = await setup();
    const p = await buyAndPay(t);
    const [delivery] = await hook.received(1);
    if (!delivery) throw new Error("no delivery");
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["svix-id"]).toMatch(/^msg_/);
    const verified = new Webhook(DEMO_WEBHOOK_SECRET).verify(delivery.body, svixHeaders(delivery));
    const event = InvoicePaidEvent.parse(verified);
    const invoice = await t.client.invoices.get(p.invoiceId);
    const [grant] = (await t.client.grants.list("ent_demobob", { limit: 1 })).data;
    expect(event).toEqual({
      eventType: "invoice.paid.v0",
      eventId: expect.stringMatching(/^evt_/),
      timestamp: invoice.paidAt,
      data: {
        invoiceId: p.invoiceId,
        grantId: grant?.id,
        entitlementId: "ent_demobob",
        customerId: "cus_demobob",
        merchantId: "org_acmecloud",
        status: "PAID",
        paidAt: invoice.paidAt,
        grandTotal: "10.00",
        currency: "USD",
      },
    });
  });

  it("fails verification with the wrong secret", async () => {
    const { hook, t } = await setup();
    await buyAndPay(t);
    const [delivery] = await hook.received(1);
    if (!delivery) throw new Error("no delivery");
    const other = new Webhook(`whsec_${Buffer.from("another-secret-another-secret!!").toString("base64")}`);
    expect(() => other.verify(delivery.body, svixHeaders(delivery))).toThrow();
    expect(() => new Webhook(DEMO_WEBHOOK_SECRET).verify(`${delivery.body} `, svixHeaders(delivery))).toThrow();
  });

  it("retries a failing endpoint with the same svix-id, re-signed", async () => {
    const { hook, t } = await setup([500]);
    await buyAndPay(t);
    const [first, second] = await hook.received(2);
    if (!first || !second) throw new Error("missing deliveries");
    expect(second.headers["svix-id"]).toBe(first.headers["svix-id"]);
    expect(second.body).toBe(first.body);
    expect(new Webhook(DEMO_WEBHOOK_SECRET).verify(second.body, svixHeaders(second))).toBeTruthy();
  });

  it("signs with a custom secret and sends nothing for unpaid purchases", async () => {
    const secret = `whsec_${Buffer.from("a-merchant-specific-secret-value").toString("base64")}`;
    const { hook, t } = await setup([], { webhookSecret: secret });
    expect(t.emu.webhookSecret).toBe(secret);
    const p = await t.client.grants.purchase("ent_demobob", { amount: 1, price: "1.00", idempotencyKey: "unpaid" });
    await t.control("POST", `/__emulator/payment-sessions/${p.paymentSessions[0]?.url.split("/").pop()}/cancel`);
    await buyAndPay(t);
    const [delivery] = await hook.received(1);
    if (!delivery) throw new Error("no delivery");
    const event = InvoicePaidEvent.parse(new Webhook(secret).verify(delivery.body, svixHeaders(delivery)));
    expect(event.data.invoiceId).not.toBe(p.invoiceId);
  });
});

describe("WebhookDispatcher", () => {
  it("gives up after the bounded retries and says so", async () => {
    const hook = await receiver([500, 502, 503]);
    cleanups.push(hook.close);
    const warnings: string[] = [];
    const gaveUp = new Promise<void>((resolve) => {
      const dispatcher = new WebhookDispatcher({
        urls: [hook.url],
        secret: DEMO_WEBHOOK_SECRET,
        retryDelaysMs: [5, 5],
        logger: {
          warn: (m) => {
            warnings.push(m);
            resolve();
          },
        },
      });
      cleanups.push(async () => dispatcher.stop());
      dispatcher.send("msg_1", { hello: "world" });
    });
    await gaveUp;
    expect(hook.deliveries).toHaveLength(3);
    expect(warnings[0]).toContain("gave up after 3 attempts");
  });

  it("cancels pending retries on stop", async () => {
    const hook = await receiver([500]);
    cleanups.push(hook.close);
    let dispatcher: WebhookDispatcher | undefined;
    await new Promise<void>((resolve) => {
      dispatcher = new WebhookDispatcher({
        urls: [hook.url],
        secret: DEMO_WEBHOOK_SECRET,
        logger: { info: () => resolve() },
      });
      dispatcher.send("msg_2", {});
    });
    expect(dispatcher?.pendingRetries).toBe(1);
    dispatcher?.stop();
    expect(dispatcher?.pendingRetries).toBe(0);
  });
});
