import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { topUpHandler } from "./runtime.ts";
import { signSession } from "./session.ts";
import { forgetRuntime, pointRuntimeAt } from "./test-support/runtime-env.ts";

/**
 * CREDITKIT_READ_RATE_LIMIT reaches the handler (issue 13): the app's runtime, built from the
 * environment as in production, refuses a customer's read beyond the budget of reads that reach
 * Paygentic with 429 rate_limited and Retry-After. Counted in the emulator's request log.
 */

const ORIGIN = "http://127.0.0.1:3998";
const ENTITLEMENT_READS = /^\/v1\/entitlements\//;
let restoreEnv: () => void = () => {};
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  restoreEnv = pointRuntimeAt(emulator.emu, ORIGIN);
}, 20_000);
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});
beforeEach(async () => {
  // A fresh runtime (handler, store, budget) built from the environment each test sets.
  forgetRuntime();
  await emulator.reset();
});

function read(path: string, customer: string) {
  const cookie = `ck_demo_session=${signSession(customer, process.env.SESSION_SECRET!)}`;
  return topUpHandler(new Request(`${ORIGIN}/api/topup${path}`, { headers: { cookie } }));
}

const upstreamReads = async () => (await emulator.requests({ method: "GET", path: ENTITLEMENT_READS })).length;

describe("CREDITKIT_READ_RATE_LIMIT", () => {
  it("a budget of 3 reads: the read that would be the 4th to reach Paygentic is 429 with Retry-After", async () => {
    process.env.CREDITKIT_READ_RATE_LIMIT = "3/60";
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const answer = await read("/grants", "acme-alice");
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    // GET /grants reads the entitlement (then cached 2 s) and the grant list: 2 + 1 fit in 3.
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    expect(await upstreamReads()).toBe(3);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Per customer: Bob's reads are his own.
    expect((await read("/balance", "acme-bob")).status).toBe(200);
  });

  it("unset, the demo's default holds: 120 reads per 60 s reach Paygentic, then 429", async () => {
    delete process.env.CREDITKIT_READ_RATE_LIMIT;
    const statuses: number[] = [];
    while (statuses.length < 200 && statuses.at(-1) !== 429)
      statuses.push((await read("/grants", "acme-carol")).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(await upstreamReads()).toBe(120);
  });

  it("off: no budget", async () => {
    process.env.CREDITKIT_READ_RATE_LIMIT = "off";
    for (let i = 0; i < 150; i++) expect((await read("/grants", "acme-carol")).status).toBe(200);
    expect(await upstreamReads()).toBeGreaterThan(150);
  });
});
