import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { invoicesCreated } from "@creditkit/test-kit/invoices";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore, type RedisStore } from "./store/redis-store.ts";
import { makeHandler } from "./test-support/make-handler.ts";
import { deliver, paidEvent, signed } from "./test-support/webhooks.ts";

/**
 * Redis goes away mid-run (the server is killed) and comes back on the same port: the BFF must
 * answer 503 store_unavailable, quickly, for what needs the store, keep serving what does not,
 * and recover without a restart.
 */

let emu: TestEmulator;
let redis: TestRedisServer;
let store: RedisStore;
const { logger, lines: storeLog } = captureLogger();

beforeAll(async () => {
  [emu, redis] = await Promise.all([startTestEmulator(), TestRedisServer.start()]);
  store = createRedisStore({ url: redis.url, logger });
  await store.ready();
}, 20_000);
afterAll(async () => {
  await store?.close();
  await redis?.kill();
  await emu?.emu.close();
});

describe("when Redis goes away and comes back", () => {
  it("answers 503 store_unavailable where the store is needed, serves the rest, and recovers by itself", async () => {
    const { logger: handlerLogger, lines } = captureLogger();
    const client = makeHandler(emu, { store, logger: handlerLogger });
    const before = await client.buy({ packId: "starter" }, "outage-attempt-1");
    expect(before.status).toBe(201);

    await redis.kill();

    // Needs the store: a clear 503, not a hang and not a 500.
    const buy = await client.buy({ packId: "growth" }, "outage-attempt-2");
    const replay = await client.buy({ packId: "starter" }, "outage-attempt-1");
    const status = await client.get(`/purchases/${before.json.purchaseId}`);
    const webhook = await deliver(client, signed(emu.emu.webhookSecret, paidEvent("inv_outage", "grt_outage")));
    for (const res of [buy, replay, status, webhook]) {
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe("store_unavailable");
      expect(res.json.error.message).toMatch(/try again/i);
    }
    // No purchase reached Paygentic while the store could not record it.
    expect(await invoicesCreated(emu)).toBe(1);

    // Does not need the store: served as usual.
    for (const path of ["/catalog", "/balance", "/grants"]) {
      const res = await client.get(path, { as: "acme-bob" });
      expect(res.status, path).toBe(200);
    }
    expect(lines.some((l) => l.startsWith("error the TopUpStore failed"))).toBe(true);

    await redis.restart();
    await store.ready(); // ioredis reconnects by itself; nothing in the handler is restarted

    // Redis came back empty (no persistence): the same attempt key still finds the same invoice,
    // because the upstream idempotency key is derived from customer + attempt key, not stored.
    const again = await client.buy({ packId: "starter" }, "outage-attempt-1");
    expect(again.status).toBe(201);
    expect(again.json.paymentUrl).toBe(before.json.paymentUrl);
    const fresh = await client.buy({ packId: "growth" }, "outage-attempt-2");
    expect(fresh.status).toBe(201);
    expect(await invoicesCreated(emu)).toBe(2);
    expect((await client.get(`/purchases/${fresh.json.purchaseId}`)).json.status).toBe("pending");

    // The store said once that Redis went away and once that it is back, not once per retry.
    expect(storeLog.filter((l) => l.includes("Redis is unavailable"))).toHaveLength(1);
    expect(storeLog.filter((l) => l.includes("Redis is available again"))).toHaveLength(1);
  });

  it("answers 503 within the command timeout when Redis hangs instead of dying, and recovers", async () => {
    const hung = createRedisStore({ url: redis.url, keyPrefix: "hung:", commandTimeoutMs: 200 });
    await hung.ready();
    try {
      const client = makeHandler(emu, { store: hung });
      redis.freeze();
      try {
        const res = await client.buy({ packId: "starter" }, "hung-attempt-1");
        expect(res.status).toBe(503);
        expect(res.json.error.code).toBe("store_unavailable");
        expect((await client.get("/catalog")).status).toBe(200);
      } finally {
        redis.thaw();
      }
      await hung.ready();
      expect((await client.buy({ packId: "starter" }, "hung-attempt-1")).status).toBe(201);
    } finally {
      await hung.close();
    }
  });
});
