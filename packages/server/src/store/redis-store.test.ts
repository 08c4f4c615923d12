import { startRedisRestBridge } from "@creditkit/test-kit/redis-rest-bridge";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { samplePurchaseRecord } from "../test-support/purchase-record.ts";
import { createMemoryStore } from "./memory-store.ts";
import { createRedisRestStore } from "./redis-rest-store.ts";
import { createRedisStore, type RedisStore } from "./redis-store.ts";
import type { TopUpStore } from "./store-types.ts";

let server: TestRedisServer;
let admin: Redis; // inspects keys and TTLs from outside the store
let rest: Awaited<ReturnType<typeof startRedisRestBridge>>;
const REST_TOKEN = "rest-token-for-tests";
const stores: RedisStore[] = [];

beforeAll(async () => {
  server = await TestRedisServer.start();
  admin = new Redis(server.url);
  rest = await startRedisRestBridge(server.url, REST_TOKEN);
}, 20_000);
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await admin.flushall();
});
afterAll(async () => {
  await rest?.close();
  admin?.disconnect();
  await server?.kill();
});

async function redisStore(keyPrefix?: string): Promise<RedisStore> {
  const store = createRedisStore({ url: server.url, ...(keyPrefix !== undefined && { keyPrefix }) });
  stores.push(store);
  await store.ready(); // the offline queue is off: commands sent before this fail
  return store;
}

const record = samplePurchaseRecord;

/** What every TopUpStore must do, run against the default and the Redis store alike. */
describe.each([
  ["memory", async (): Promise<TopUpStore> => createMemoryStore()],
  ["redis", (): Promise<TopUpStore> => redisStore()],
  ["redis over REST", async (): Promise<TopUpStore> => createRedisRestStore({ url: rest.url, token: REST_TOKEN })],
])("the TopUpStore contract (%s)", (_, make) => {
  it("stores a purchase by id and by invoice, and replaces it whole", async () => {
    const store = await make();
    expect(await store.getPurchase(record.purchaseId)).toBeNull();
    await store.putPurchase(record, 60);
    expect(await store.getPurchase(record.purchaseId)).toEqual(record);
    expect(await store.getPurchaseByInvoice("inv_1")).toEqual(record);
    const settled = { ...record, settledGrantId: "grt_1", paidAt: "2026-03-01T00:05:00Z" };
    await store.putPurchase(settled, 60);
    expect(await store.getPurchaseByInvoice("inv_1")).toEqual(settled);
    const verified = {
      ...settled,
      settledGrant: {
        id: "grt_1",
        amount: 1000,
        effectiveAt: "2026-03-01T00:05:00Z",
        expiresAt: null,
        voidedAt: null,
        createdAt: "2026-03-01T00:05:00Z",
      },
    };
    await store.putPurchase(verified, 60);
    expect(await store.getPurchase(record.purchaseId)).toEqual(verified);
    expect(await store.getPurchaseByInvoice("inv_other")).toBeNull();
  });

  it("marks a key exactly once, even when fifty callers race for it", async () => {
    const store = await make();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.markOnce("webhook:msg_1", 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.markOnce("webhook:msg_2", 60)).toBe(true);
  });

  it("caches a value for its TTL in milliseconds, replacing what was there", async () => {
    const store = await make();
    expect(await store.getCached("purchase-status:pur_1")).toBeNull();
    await store.putCached("purchase-status:pur_1", '{"status":"pending"}', 150);
    await store.putCached("purchase-status:pur_2", "other", 60_000);
    expect(await store.getCached("purchase-status:pur_1")).toBe('{"status":"pending"}');
    await store.putCached("purchase-status:pur_1", '{"status":"cancelled"}', 150);
    expect(await store.getCached("purchase-status:pur_1")).toBe('{"status":"cancelled"}');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.getCached("purchase-status:pur_1")).toBeNull();
    expect(await store.getCached("purchase-status:pur_2")).toBe("other");
  });

  it("counts concurrent hits in one window without losing any", async () => {
    const store = await make();
    const before = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, () => store.incrementWindow("purchases:cus_1", 60)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const resets = new Set(results.map((r) => Math.round(r.resetAt / 1000)));
    expect(resets.size).toBeLessThanOrEqual(2); // one window (a second boundary may split the rounding)
    expect(results[0]!.resetAt).toBeGreaterThan(before);
    expect((await store.incrementWindow("purchases:cus_2", 60)).count).toBe(1);
  });
});

describe("createRedisStore", () => {
  it("gives every key an expiry, so nothing grows forever", async () => {
    const store = await redisStore();
    await store.putPurchase(record, 3600);
    await store.markOnce("webhook:msg_1", 600);
    await store.incrementWindow("purchases:cus_1", 60);
    await store.putCached("purchase-status:pur_1", "{}", 1000);
    const keys = (await admin.keys("*")).sort();
    expect(keys).toEqual([
      "creditkit:cached:purchase-status:pur_1",
      "creditkit:invoice:inv_1",
      "creditkit:once:webhook:msg_1",
      `creditkit:purchase:${record.purchaseId}`,
      "creditkit:window:purchases:cus_1",
    ]);
    const ttls = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await admin.ttl(k)] as const)));
    expect(ttls["creditkit:invoice:inv_1"]).toBeGreaterThan(3590);
    expect(ttls[`creditkit:purchase:${record.purchaseId}`]).toBeLessThanOrEqual(3600);
    expect(ttls["creditkit:once:webhook:msg_1"]).toBeGreaterThan(590);
    expect(ttls["creditkit:window:purchases:cus_1"]).toBeGreaterThan(50);
    expect(await admin.pttl("creditkit:cached:purchase-status:pur_1")).toBeLessThanOrEqual(1000);
    for (const ttl of Object.values(ttls)) expect(ttl).toBeGreaterThan(0);
  });

  it("rounds a fractional or zero TTL up to one second instead of failing", async () => {
    const store = await redisStore();
    await store.putPurchase(record, 0);
    expect(await admin.ttl(`creditkit:purchase:${record.purchaseId}`)).toBe(1);
    expect(await store.markOnce("k", 0.2)).toBe(true);
  });

  it("starts a new window once the old one has expired", async () => {
    const store = await redisStore();
    expect((await store.incrementWindow("w", 60)).count).toBe(1);
    expect((await store.incrementWindow("w", 60)).count).toBe(2);
    await admin.pexpireat("creditkit:window:w", 1); // an expiry in the past: Redis drops the key now
    const fresh = await store.incrementWindow("w", 60);
    expect(fresh.count).toBe(1);
    expect(await admin.pttl("creditkit:window:w")).toBeGreaterThan(55_000);
  });

  it("repairs a window counter that has no expiry", async () => {
    const store = await redisStore();
    await admin.set("creditkit:window:w", "7");
    expect((await store.incrementWindow("w", 30)).count).toBe(8);
    expect(await admin.ttl("creditkit:window:w")).toBeGreaterThan(0);
  });

  it("lets a marked key be marked again after its TTL", async () => {
    const store = await redisStore();
    expect(await store.markOnce("webhook:m", 600)).toBe(true);
    await admin.pexpireat("creditkit:once:webhook:m", 1);
    expect(await store.markOnce("webhook:m", 600)).toBe(true);
  });

  it("keeps apps apart by key prefix", async () => {
    const a = await redisStore("shop-a:");
    const b = await redisStore("shop-b:");
    await a.putPurchase(record, 60);
    expect(await b.getPurchase(record.purchaseId)).toBeNull();
    expect(await a.markOnce("m", 60)).toBe(true);
    expect(await b.markOnce("m", 60)).toBe(true);
  });

  it("refuses a corrupted or foreign record instead of trusting it", async () => {
    const store = await redisStore();
    await admin.set(`creditkit:purchase:${record.purchaseId}`, "{not json", "EX", 60);
    await expect(store.getPurchase(record.purchaseId)).rejects.toThrow(/not JSON/);
    await admin.set(`creditkit:purchase:${record.purchaseId}`, JSON.stringify({ ...record, credits: "1000" }));
    await expect(store.getPurchase(record.purchaseId)).rejects.toThrow(/credits/);
    const other = { ...record, purchaseId: "pur_00000000000000000000000000000002" };
    await admin.set(`creditkit:purchase:${record.purchaseId}`, JSON.stringify(other));
    await expect(store.getPurchase(record.purchaseId)).rejects.toThrow(/another purchase/);
  });

  it("works on a client you own and leaves it open on close", async () => {
    const client = new Redis(server.url, { enableOfflineQueue: false });
    await new Promise((resolve) => client.once("ready", resolve));
    const store = createRedisStore({ client, keyPrefix: "mine:" });
    expect(await store.markOnce("m", 60)).toBe(true);
    expect(await admin.exists("mine:once:m")).toBe(1);
    await store.close();
    expect(await client.ping()).toBe("PONG");
    client.disconnect();
  });

  it("refuses bad options with a message that never repeats the URL", () => {
    expect(() => createRedisStore({})).toThrow(/exactly one of url or client/);
    expect(() => createRedisStore({ url: "http://user:hunter2@example.com" })).toThrow(/redis:\/\//);
    try {
      createRedisStore({ url: "http://user:hunter2@example.com" });
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
    expect(() => createRedisStore({ url: server.url, keyPrefix: "x".repeat(101) })).toThrow(/keyPrefix/);
  });

  it("fails fast while Redis is unreachable instead of queueing the command", async () => {
    const store = createRedisStore({ url: "redis://127.0.0.1:1" }); // nothing listens on port 1
    stores.push(store);
    await expect(store.markOnce("m", 60)).rejects.toThrow();
    await expect(store.getPurchase(record.purchaseId)).rejects.toThrow();
  });
});
