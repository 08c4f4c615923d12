import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./store/memory-store.ts";
import { makeHandler } from "./test-support/make-handler.ts";
import { deliver, paidEvent, signed } from "./test-support/webhooks.ts";

/**
 * Gentle on Paygentic (issue 13). Upstream calls are counted in the emulator's request log: 200
 * GET /grants by one customer used to make 201 calls on the merchant's key, and a watched purchase
 * ~3.4 invoice reads per second per tab, even once a webhook had settled it.
 */

const emu = await emulatorForFile();

const GRANT_LISTS = /^\/v1\/entitlements\/[^/]+\/grants\?/;
const INVOICE_READS = /^\/v2\/invoices\//;
const GRANT_READS = /^\/v1\/entitlements\/[^/]+\/grants\/grt_/;
const count = async (path: RegExp) => (await emu.requests({ method: "GET", path })).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("reads share upstream calls", () => {
  it("200 GET /grants at once by one customer make one upstream grant list (and one entitlement read)", async () => {
    const client = makeHandler(emu);
    const answers = await Promise.all(Array.from({ length: 200 }, () => client.get("/grants")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await count(GRANT_LISTS)).toBe(1);
    expect(await emu.requests({ method: "GET" })).toHaveLength(2);
  });

  it("never shares across customers or across different pages", async () => {
    const client = makeHandler(emu);
    const answers = await Promise.all([
      client.get("/grants"),
      client.get("/grants", { as: "acme-bob" }),
      client.get("/grants?limit=5"),
      client.get("/grants?limit=5&offset=5"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await count(GRANT_LISTS)).toBe(4);
    const bobs = answers[1]!.json.grants.map((g: { id: string }) => g.id);
    expect(answers[0]!.json.grants.map((g: { id: string }) => g.id)).not.toEqual(bobs);
  });
});

describe("the per-customer read budget (readRateLimit)", () => {
  it("answers 429 rate_limited with Retry-After beyond it: 200 GET /grants one after another stay within it upstream", async () => {
    const client = makeHandler(emu, { readRateLimit: { max: 10, windowSeconds: 60 } });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof client.get>> | undefined;
    for (let i = 0; i < 200; i++) {
      const answer = await client.get("/grants");
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    // One entitlement read (cached 2 s) and 9 grant lists fit in 10; every later read is refused.
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(191);
    expect(await emu.requests({ method: "GET" })).toHaveLength(10);
    expect(limited!.json.error.code).toBe("rate_limited");
    expect(limited!.json.error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited!.json.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limited!.headers.get("retry-after")).toBe(String(limited!.json.error.retryAfterSeconds));
    // Another customer has a budget of their own; what needs no upstream call is still served.
    expect((await client.get("/grants", { as: "acme-bob" })).status).toBe(200);
    expect((await client.get("/balance")).status).toBe(200); // the cached entitlement
    expect((await client.get("/catalog")).status).toBe(200);
  });

  it("holds across instances sharing a store", async () => {
    const store = createMemoryStore();
    const a = makeHandler(emu, { store, readRateLimit: { max: 4, windowSeconds: 60 } });
    const b = makeHandler(emu, { store, readRateLimit: { max: 4, windowSeconds: 60 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 === 0 ? a : b).get("/grants?limit=1")).status);
    // a: entitlement + list, b: entitlement + list = 4; then nothing more reaches Paygentic.
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    expect(await emu.requests({ method: "GET" })).toHaveLength(4);
  });

  it("is not enforced while the store is down: reads keep working", async () => {
    const down = () => Promise.reject(new Error("down"));
    const store = { ...createMemoryStore(), incrementWindow: down };
    const client = makeHandler(emu, { store, readRateLimit: { max: 1, windowSeconds: 60 } });
    expect((await client.get("/grants")).status).toBe(200);
    expect((await client.get("/balance")).status).toBe(200);
  });
});

describe("purchase status", () => {
  async function started(client: ReturnType<typeof makeHandler>, attempt: string) {
    const created = await client.buy({ packId: "starter" }, attempt);
    expect(created.status).toBe(201);
    return created.json as { purchaseId: string; paymentUrl: string };
  }

  it("five tabs polling a pending purchase every 100 ms cost at most one invoice read per second", async () => {
    const client = makeHandler(emu);
    const { purchaseId } = await started(client, "watch-tabs-1");
    const before = await count(INVOICE_READS);
    const polls: number[] = [];
    const tab = async () => {
      const end = Date.now() + 2_500;
      while (Date.now() < end) {
        polls.push((await client.get(`/purchases/${purchaseId}`)).status);
        await sleep(100);
      }
    };
    await Promise.all(Array.from({ length: 5 }, tab));
    expect(polls.every((s) => s === 200)).toBe(true);
    expect(polls.length).toBeGreaterThanOrEqual(50); // ~20 polls per second together
    // 2.5 s: reads at ~0 s, ~1 s, ~2 s.
    expect((await count(INVOICE_READS)) - before).toBeLessThanOrEqual(3);
  });

  it("shares a fresh answer across instances through the store", async () => {
    const store = createMemoryStore();
    const a = makeHandler(emu, { store });
    const b = makeHandler(emu, { store });
    const { purchaseId } = await started(a, "watch-instances-1");
    const before = await count(INVOICE_READS);
    const answers = await Promise.all([a, b, a, b].map((c) => c.get(`/purchases/${purchaseId}`)));
    expect(answers.map((r) => r.json.status)).toEqual(["pending", "pending", "pending", "pending"]);
    expect((await b.get(`/purchases/${purchaseId}`)).json.status).toBe("pending");
    expect((await count(INVOICE_READS)) - before).toBe(1);
  });

  it("never sends on a cached value that is not about this purchase (a corrupted or foreign entry)", async () => {
    const store = createMemoryStore();
    const client = makeHandler(emu, { store });
    const { purchaseId } = await started(client, "watch-corrupt-1");
    for (const bad of ["{not json", JSON.stringify({ purchaseId: "pur_other", status: "paid" }), "null"]) {
      await store.putCached(`purchase-status:${purchaseId}`, bad, 60_000);
      const answer = await client.get(`/purchases/${purchaseId}`);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ purchaseId, status: "pending" });
    }
  });

  it("without a webhook the cache is on by default too: a payment shows within a second", async () => {
    const client = makeHandler(emu, { webhookSecret: undefined });
    const { purchaseId, paymentUrl } = await started(client, "watch-no-webhook-1");
    const before = await count(INVOICE_READS);
    expect((await client.get(`/purchases/${purchaseId}`)).json.status).toBe("pending");
    await emu.session(paymentUrl, "complete");
    // Two polls, one invoice read: the second is the shared answer, still pending.
    expect((await client.get(`/purchases/${purchaseId}`)).json.status).toBe("pending");
    expect((await count(INVOICE_READS)) - before).toBe(1);
    await sleep(1050);
    expect((await client.get(`/purchases/${purchaseId}`)).json.status).toBe("paid");
    // purchaseStatusCacheMs: 0 reads Paygentic on every poll, and shows the payment at once.
    const uncached = makeHandler(emu, { webhookSecret: undefined, purchaseStatusCacheMs: 0 });
    const other = await started(uncached, "watch-no-webhook-2");
    expect((await uncached.get(`/purchases/${other.purchaseId}`)).json.status).toBe("pending");
    await emu.session(other.paymentUrl, "complete");
    expect((await uncached.get(`/purchases/${other.purchaseId}`)).json.status).toBe("paid"); // at once
  });

  it("a purchase settled by a webhook is verified once, then answered from the store alone", async () => {
    const client = makeHandler(emu);
    const { purchaseId, paymentUrl } = await started(client, "watch-settled-1");
    const paid = (await emu.session(paymentUrl, "complete")) as { invoiceId: string };
    const grantId = (await client.get("/grants?limit=1")).json.grants[0].id as string;
    expect((await deliver(client, signed(emu.emu.webhookSecret, paidEvent(paid.invoiceId, grantId)))).status).toBe(200);
    const before = (await emu.requests()).length;
    for (let i = 0; i < 20; i++) {
      const answer = await client.get(`/purchases/${purchaseId}`);
      expect(answer.json).toMatchObject({ status: "paid", grant: { id: grantId, purchaseId, source: "purchase" } });
    }
    const during = (await emu.requests()).slice(before);
    // The grant the webhook named, read once to check it is this purchase's; no invoice read at all.
    expect(
      during.map((r) => `${r.method} ${r.path.replace(/grt_\w+/, "{grant}").replace(/ent_\w+/, "{ent}")}`),
    ).toEqual(["GET /v1/entitlements/{ent}/grants/{grant}"]);
    expect(await count(GRANT_READS)).toBe(1);
    expect(await count(INVOICE_READS)).toBe(0);
  });
});
