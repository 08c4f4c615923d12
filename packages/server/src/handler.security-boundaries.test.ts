import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { ORIGIN } from "@creditkit/test-kit/handler-client";
import { purchaseCalls } from "@creditkit/test-kit/invoices";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./store/memory-store.ts";
import { makeHandler } from "./test-support/make-handler.ts";
import { pastStatusCache } from "./test-support/status-cache.ts";
import { deliver, paidEvent, signed } from "./test-support/webhooks.ts";

/**
 * Security boundaries beyond handler.security.test.ts: one customer can neither see nor act for
 * another, the browser can set nothing the server decides, and webhooks that are forged,
 * replayed, stale or wrong settle nothing.
 */

const emu = await emulatorForFile();

describe("one customer cannot see or act for another", () => {
  it("lists only the caller's grants, asking Paygentic for the caller's entitlement only", async () => {
    const client = makeHandler(emu);
    const alice = await client.get("/grants?limit=100&includeVoided=true");
    const bob = await client.get("/grants?limit=100&includeVoided=true", { as: "acme-bob" });
    const aliceIds = new Set(alice.json.grants.map((g: { id: string }) => g.id));
    expect(bob.json.grants.some((g: { id: string }) => aliceIds.has(g.id))).toBe(false);
    const asked = (await emu.requests()).map((r) => r.path.split("?")[0]);
    expect(asked.filter((p) => p!.includes(emu.customer("acme-alice").entitlementId))).not.toHaveLength(0);
    for (const path of asked) {
      const own = [emu.customer("acme-alice").entitlementId, emu.customer("acme-bob").entitlementId];
      expect(
        own.some((id) => path!.includes(id)),
        path,
      ).toBe(true);
    }
  });

  it("answers another customer's settled (paid) purchase with the same 404 as a missing one", async () => {
    const client = makeHandler(emu);
    const created = await client.buy({ packId: "starter" }, "paid-owner-1");
    await emu.session(created.json.paymentUrl, "complete");
    expect((await client.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("paid");
    const asBob = await client.get(`/purchases/${created.json.purchaseId}`, { as: "acme-bob" });
    const missing = await client.get(`/purchases/pur_${"0".repeat(32)}`, { as: "acme-bob" });
    expect(asBob.status).toBe(404);
    expect(asBob.text).toBe(missing.text);
    expect([...asBob.headers]).toEqual([...missing.headers]);
  });
});

describe("the browser sets nothing the server decides", () => {
  it.each([
    ["price", { packId: "starter", price: "0.01" }],
    ["amount", { packId: "starter", amount: 1_000_000 }],
    ["a pack's credits", { packId: "starter", credits: 100_000 }],
    ["currency", { packId: "starter", currency: "JPY" }],
    ["entitlementId", { packId: "starter", entitlementId: "ent_demobob" }],
    ["customerId", { packId: "starter", customerId: "cus_demobob" }],
    ["successUrl", { packId: "starter", successUrl: "https://evil.example/ok" }],
    ["cancelUrl", { packId: "starter", cancelUrl: "https://evil.example/no" }],
    ["returnUrl", { packId: "starter", returnUrl: "https://evil.example" }],
    ["paymentUrl", { packId: "starter", paymentUrl: "https://evil.example/pay" }],
    ["expiresAt", { credits: 2500, expiresAt: "2099-01-01T00:00:00Z" }],
    ["idempotencyKey", { packId: "starter", idempotencyKey: "ckp_someone_elses" }],
  ])("refuses a body that sets %s with 400, before anything reaches Paygentic", async (_, body) => {
    const res = await makeHandler(emu).buy(body, "smuggle-key-01");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(await emu.requests()).toEqual([]);
  });

  it("refuses the same through the query string", async () => {
    for (const query of ["price=0.01", "successUrl=https%3A%2F%2Fevil.example", "customerId=cus_demobob"]) {
      const res = await makeHandler(emu).post(`/purchases?${query}`, { packId: "starter" }, { key: "smuggle-q-01" });
      expect(res.status, query).toBe(400);
    }
    expect(await emu.requests()).toEqual([]);
  });

  it("ignores look-alike headers: Paygentic gets the catalog's price and URLs built from config", async () => {
    const res = await makeHandler(emu).buy({ packId: "growth" }, "smuggle-h-01", {
      headers: {
        "x-price": "0.01",
        "x-customer-id": "cus_demobob",
        "x-entitlement-id": "ent_demobob",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        referer: "https://evil.example/",
      },
    });
    expect(res.status).toBe(201);
    const [call] = await purchaseCalls(emu);
    expect(call!.path).toContain(emu.customer("acme-alice").entitlementId);
    expect(call!.body).toMatchObject({ amount: 5000, price: "45.00" });
    const { successUrl, cancelUrl } = call!.body as { successUrl: string; cancelUrl: string };
    expect(new URL(successUrl).origin).toBe(ORIGIN);
    expect(new URL(cancelUrl).origin).toBe(ORIGIN);
  });
});

describe("webhooks settle only what Paygentic signed, once, recently, and for the right grant", () => {
  async function unpaidPurchase() {
    const store = createMemoryStore();
    const client = makeHandler(emu, { store });
    const created = await client.buy({ packId: "starter" }, "webhook-unpaid-1");
    const record = await store.getPurchase(created.json.purchaseId);
    return { store, client, created, invoiceId: record!.invoiceId };
  }

  it("a forged signature, a wrong secret or a stale or future timestamp is 401 and settles nothing", async () => {
    const { store, client, created, invoiceId } = await unpaidPurchase();
    const event = paidEvent(invoiceId, "grt_alicePlan");
    const good = signed(emu.emu.webhookSecret, event);
    const forged = [
      { ...good, headers: { ...good.headers, "svix-signature": `v1,${Buffer.alloc(32).toString("base64")}` } },
      signed(`whsec_${Buffer.from("an attacker's own secret, 32 b!!").toString("base64")}`, event),
      signed(emu.emu.webhookSecret, event, { at: new Date(Date.now() - 10 * 60_000) }),
      signed(emu.emu.webhookSecret, event, { at: new Date(Date.now() + 10 * 60_000) }),
    ];
    for (const message of forged) {
      const res = await deliver(client, message);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("invalid_signature");
    }
    expect((await store.getPurchase(created.json.purchaseId))?.settledGrantId).toBeUndefined();
    expect((await client.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("pending");
  });

  it("a replayed svix-id is a duplicate, processed once", async () => {
    const store = createMemoryStore();
    const client = makeHandler(emu, { store });
    const created = await client.buy({ packId: "starter" }, "webhook-replay-1");
    const paid = (await emu.session(created.json.paymentUrl, "complete")) as { invoiceId: string };
    const grantId = (await client.get("/grants?limit=1")).json.grants[0].id;
    const message = signed(emu.emu.webhookSecret, paidEvent(paid.invoiceId, grantId));
    expect((await deliver(client, message)).json).toEqual({ received: true });
    const settled = await store.getPurchase(created.json.purchaseId);
    for (let i = 0; i < 3; i++)
      expect((await deliver(client, message)).json).toEqual({ received: true, duplicate: true });
    expect(await store.getPurchase(created.json.purchaseId)).toEqual(settled);
  });

  it("a signed event naming a grant that is not the purchase's does not make an unpaid purchase paid", async () => {
    const { client, created, invoiceId } = await unpaidPurchase();
    // The invoice is still ISSUED; the event names Alice's plan grant, which exists.
    const message = signed(emu.emu.webhookSecret, paidEvent(invoiceId, "grt_alicePlan"));
    expect((await deliver(client, message)).status).toBe(200);
    const status = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(status.json).toMatchObject({ status: "pending", grant: null, paidAt: null });
    // Once really paid, the purchase's own grant is found and shown.
    await emu.session(created.json.paymentUrl, "complete");
    await pastStatusCache(); // the pending answer is reused for a second
    const paid = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(paid.json).toMatchObject({ status: "paid", grant: { purchaseId: created.json.purchaseId } });
  });
});
