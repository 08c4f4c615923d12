import { startRedisRestBridge } from "@creditkit/test-kit/redis-rest-bridge";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePurchaseRecord } from "../test-support/purchase-record.ts";
import { createRedisRestStore } from "./redis-rest-store.ts";
import { createRedisStore } from "./redis-store.ts";

/**
 * What the REST store adds to the TopUpStore contract (run for it in redis-store.test.ts): the
 * token, failures thrown (so the routes answer 503), and the same keys as the ioredis store.
 */

const TOKEN = "rest-token-only-the-bridge-knows";
let server: TestRedisServer;
let bridge: Awaited<ReturnType<typeof startRedisRestBridge>>;

beforeAll(async () => {
  server = await TestRedisServer.start();
  bridge = await startRedisRestBridge(server.url, TOKEN);
}, 20_000);
afterAll(async () => {
  await bridge?.close();
  await server?.kill();
});

describe("createRedisRestStore", () => {
  it("shares records with the ioredis store on the same Redis (same keys, same encoding)", async () => {
    const rest = createRedisRestStore({ url: bridge.url, token: TOKEN, keyPrefix: "shared:" });
    const tcp = createRedisStore({ url: server.url, keyPrefix: "shared:" });
    try {
      await tcp.ready();
      await rest.putPurchase(samplePurchaseRecord, 60);
      expect(await tcp.getPurchaseByInvoice(samplePurchaseRecord.invoiceId)).toEqual(samplePurchaseRecord);
      expect(await rest.markOnce("webhook:msg_1", 60)).toBe(true);
      expect(await tcp.markOnce("webhook:msg_1", 60)).toBe(false);
    } finally {
      await tcp.close();
    }
  });

  it("throws on a wrong token, without the token in the error", async () => {
    const store = createRedisRestStore({ url: bridge.url, token: "a-wrong-token-value" });
    const failure = await store.getPurchase("ckp_x").catch((error: Error) => error.message);
    expect(failure).toBe("the Redis REST endpoint answered 401: Unauthorized");
    expect(failure).not.toContain("a-wrong-token-value");
  });

  it("throws when the endpoint is unreachable, within its timeout", async () => {
    const store = createRedisRestStore({ url: "http://127.0.0.1:9", token: TOKEN, commandTimeoutMs: 500 });
    await expect(store.markOnce("k", 1)).rejects.toThrow();
  });

  it("refuses bad options by name", () => {
    expect(() => createRedisRestStore({ url: "redis://127.0.0.1:6379", token: TOKEN })).toThrow(/url must start/);
    expect(() => createRedisRestStore({ url: bridge.url, token: "" })).toThrow(/token is required/);
  });
});
