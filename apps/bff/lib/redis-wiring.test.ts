import { type Emulator, startEmulator } from "@creditkit/emulator";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.ts";
import { getRuntime, topUpHandler } from "./runtime.ts";
import { signSession } from "./session.ts";
import { forgetRuntime, pointRuntimeAt } from "./test-support/runtime-env.ts";

/** REDIS_URL: validated without ever repeating it, and, when set, the handler's shared store. */

const base = {
  PAYGENTIC_API_KEY: "sk_live_realKey456",
  PAYGENTIC_BASE_URL: "https://api.paygentic.io",
  CREDITKIT_PUBLIC_URL: "https://app.example.com",
  SESSION_SECRET: "s".repeat(40),
  PAYMENT_HOSTS: "https://checkout.paygentic.io",
};

describe("REDIS_URL", () => {
  it("is optional, and passed on when it is a redis:// or rediss:// URL", () => {
    expect(parseEnv(base, { development: false }).redisUrl).toBeUndefined();
    expect(parseEnv({ ...base, REDIS_URL: " " }, { development: false }).redisUrl).toBeUndefined();
    for (const url of ["redis://127.0.0.1:6379", "rediss://:pw@redis.internal:6380/2"]) {
      expect(parseEnv({ ...base, REDIS_URL: url }, { development: false }).redisUrl).toBe(url);
    }
  });

  it("is refused when it is anything else, without repeating its password", () => {
    for (const url of ["http://:hunter2@redis:6379", "redis://", "hunter2"]) {
      try {
        parseEnv({ ...base, REDIS_URL: url }, { development: false });
        throw new Error(`accepted ${url}`);
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        expect((error as EnvError).problems).toEqual([expect.stringMatching(/^REDIS_URL must be a redis:\/\//)]);
        expect((error as EnvError).message).not.toContain("hunter2");
      }
    }
  });
});

describe("the runtime with REDIS_URL", () => {
  let restoreEnv: () => void = () => {};
  let emu: Emulator;
  let redis: TestRedisServer;

  beforeAll(async () => {
    [emu, redis] = await Promise.all([startEmulator({ port: 0 }), TestRedisServer.start()]);
    restoreEnv = pointRuntimeAt(emu, "http://127.0.0.1:3999", { REDIS_URL: redis.url });
  }, 20_000);
  afterAll(async () => {
    restoreEnv();
    await redis?.kill();
    await emu?.close();
  });

  it("keeps signed-out sessions in Redis, so a sign-out holds on every instance", async () => {
    const { session, revocations } = await getRuntime();
    const cookie = `ck_demo_session=${signSession("acme-carol", process.env.SESSION_SECRET!)}`;
    const signedIn = await session(cookie);
    expect(signedIn?.customer).toBe("acme-carol");
    await revocations.revoke(signedIn!.sid, signedIn!.exp);
    // Another instance: a runtime of its own, with its own connection to the same Redis.
    forgetRuntime();
    const other = await getRuntime();
    expect(other.revocations).not.toBe(revocations);
    expect(await other.session(cookie)).toBeNull();
    const balance = await topUpHandler(new Request("http://127.0.0.1:3999/api/topup/balance", { headers: { cookie } }));
    expect(balance.status).toBe(401);
  });

  it("keeps purchases in Redis: with Redis gone they answer 503 store_unavailable, reads still work", async () => {
    const cookie = `ck_demo_session=${signSession("acme-bob", process.env.SESSION_SECRET!)}`;
    const buy = (key: string) =>
      topUpHandler(
        new Request("http://127.0.0.1:3999/api/topup/purchases", {
          method: "POST",
          headers: {
            cookie,
            origin: "http://127.0.0.1:3999",
            "content-type": "application/json",
            "idempotency-key": key,
          },
          body: JSON.stringify({ packId: "starter" }),
        }),
      );
    expect((await buy("redis-wiring-1")).status).toBe(201);
    await redis.kill();
    const down = await buy("redis-wiring-2");
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe("store_unavailable");
    const balance = await topUpHandler(new Request("http://127.0.0.1:3999/api/topup/balance", { headers: { cookie } }));
    expect(balance.status).toBe(200);
  });
});
