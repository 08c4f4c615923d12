import type { Client } from "@creditkit/test-kit/handler-client";
import { invoicesCreated, purchaseCalls } from "@creditkit/test-kit/invoices";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRedisStore, type RedisStore } from "./store/redis-store.ts";
import { makeHandler } from "./test-support/make-handler.ts";
import { pastStatusCache } from "./test-support/status-cache.ts";
import { deliver, paidEvent, signed } from "./test-support/webhooks.ts";

/**
 * A merchant running the BFF on several machines: two handler instances (each with its own
 * in-process caches and in-flight map) share one real Redis, and requests are spread across them.
 */

let emu: TestEmulator;
let redis: TestRedisServer;
let store: RedisStore;
let a: Client;
let b: Client;

beforeAll(async () => {
  [emu, redis] = await Promise.all([startTestEmulator(), TestRedisServer.start()]);
  store = createRedisStore({ url: redis.url, keyPrefix: "multi:" });
  await store.ready();
}, 20_000);
afterAll(async () => {
  await store?.close();
  await redis?.kill();
  await emu?.emu.close();
});
beforeEach(async () => {
  await emu.reset();
  a = makeHandler(emu, { store, rateLimit: { max: 3, windowSeconds: 60 } });
  b = makeHandler(emu, { store, rateLimit: { max: 3, windowSeconds: 60 } });
});
afterEach(() => store.client.flushdb());

describe("two BFF instances sharing one Redis", () => {
  it("process a webhook delivered to both exactly once, even at the same moment", async () => {
    const created = await a.buy({ packId: "starter" }, "multi-webhook-1");
    const paid = (await emu.session(created.json.paymentUrl, "complete")) as { invoiceId: string };
    const grantId = (await a.get("/grants")).json.grants[0].id as string;
    const message = signed(emu.emu.webhookSecret, paidEvent(paid.invoiceId, grantId));

    const answers = await Promise.all([deliver(a, message), deliver(b, message)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const bodies = answers.map((r) => r.json);
    expect(bodies).toContainEqual({ received: true });
    expect(bodies).toContainEqual({ received: true, duplicate: true });
    // Redelivered later to either: still a duplicate.
    expect((await deliver(b, message)).json).toEqual({ received: true, duplicate: true });

    const status = await b.get(`/purchases/${created.json.purchaseId}`);
    expect(status.json).toMatchObject({ status: "paid", grant: { id: grantId } });
  });

  it("count the purchase rate limit across both", async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const client = i % 2 === 0 ? a : b;
      answers.push(await client.buy({ packId: "starter" }, `multi-rate-${i}`));
    }
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3]!.json.error.code).toBe("rate_limited");
    expect(answers[3]!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await a.buy({ packId: "starter" }, "multi-rate-5")).status).toBe(429);
    // Replays of an existing attempt are free, on either instance.
    expect((await b.buy({ packId: "starter" }, "multi-rate-0")).status).toBe(201);
    expect(await purchaseCalls(emu)).toHaveLength(3);
  });

  it("see a purchase started on one as settled on the other (by polling)", async () => {
    const created = await a.buy({ packId: "growth" }, "multi-poll-1");
    expect((await b.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("pending");
    await emu.session(created.json.paymentUrl, "complete");
    await pastStatusCache(); // B's pending answer is reused (by both) for a second
    const onB = await b.get(`/purchases/${created.json.purchaseId}`);
    expect(onB.json).toMatchObject({ status: "paid", credits: 5000, grant: { amount: 5000, source: "purchase" } });
    // B settled the shared record: A now answers paid without listing grants.
    const lists = async () => (await emu.requests()).filter((r) => r.path.includes("/grants?")).length;
    const before = await lists();
    expect((await a.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("paid");
    expect(await lists()).toBe(before);
  });

  it("share a fresh purchase status and the read budget through Redis", async () => {
    const created = await a.buy({ packId: "starter" }, "multi-status-1");
    const invoiceReads = async () => (await emu.requests({ method: "GET", path: /^\/v2\/invoices\// })).length;
    const answers = await Promise.all([a, b, a, b].map((c) => c.get(`/purchases/${created.json.purchaseId}`)));
    expect(answers.map((r) => r.json.status)).toEqual(["pending", "pending", "pending", "pending"]);
    expect(await invoiceReads()).toBe(1);

    const limited = { store, readRateLimit: { max: 4, windowSeconds: 60 } };
    const [ra, rb] = [makeHandler(emu, limited), makeHandler(emu, limited)];
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await (i % 2 === 0 ? ra : rb).get("/grants?limit=1", { as: "acme-bob" })).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
  });

  it("answer a replay or a conflicting reuse of an attempt key on the other instance", async () => {
    const created = await a.buy({ packId: "starter" }, "multi-replay-1");
    const replay = await b.buy({ packId: "starter" }, "multi-replay-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(created.json);
    const conflict = await b.buy({ packId: "growth" }, "multi-replay-1");
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.code).toBe("idempotency_conflict");
    expect(await purchaseCalls(emu)).toHaveLength(1);
  });

  it("create one invoice when a double click lands on both instances at once", async () => {
    const clicks = await Promise.all([
      a.buy({ packId: "starter" }, "multi-double-1"),
      b.buy({ packId: "starter" }, "multi-double-1"),
      a.buy({ packId: "starter" }, "multi-double-1"),
      b.buy({ packId: "starter" }, "multi-double-1"),
    ]);
    expect(clicks.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(clicks.map((r) => JSON.stringify(r.json))).size).toBe(1);
    expect(await invoicesCreated(emu)).toBe(1);
  });

  it("never show one customer's purchase to another, whichever instance is asked", async () => {
    const created = await a.buy({ packId: "starter" }, "multi-owner-1");
    for (const client of [a, b]) {
      const res = await client.get(`/purchases/${created.json.purchaseId}`, { as: "acme-bob" });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });
});
