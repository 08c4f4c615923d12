import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./store/memory-store.ts";
import { ROUTES } from "./test-support/fault-routes.ts";
import { makeHandler } from "./test-support/make-handler.ts";

/**
 * One deadline per BFF request, across every upstream call and retry (issue 13: a hanging
 * Paygentic used to make GET /balance answer 504 only after 3 × the per-attempt timeout, 24 s by
 * default). Here each attempt may take 250 ms and 2 retries are allowed, so without the deadline a
 * hang costs ≥ 750 ms; the request's deadline is 300 ms, and the answer must come by then.
 */

const emu = await emulatorForFile();

const TIMEOUT_MS = 250;
const RETRIES = 2;
const DEADLINE_MS = 300;
/** Scheduling slack on a busy 2-core machine; still well under 3 × TIMEOUT_MS. */
const SLACK_MS = 250;
const HANG_MS = 5_000;

function handlers(requestDeadlineMs = DEADLINE_MS) {
  const store = createMemoryStore();
  const healthy = makeHandler(emu, { store });
  const hanging = makeHandler(emu, {
    store,
    paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, timeoutMs: TIMEOUT_MS, retries: RETRIES },
    requestDeadlineMs,
  });
  return { healthy, hanging };
}

async function timed<T>(run: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await run();
  return { answer, ms: performance.now() - started };
}

describe("the request deadline", () => {
  it.each(ROUTES.filter((r) => !r.offline))(
    "$name: a hanging Paygentic is 504 upstream_timeout at the deadline, not after every attempt",
    async (route) => {
      const { healthy, hanging } = handlers();
      const prepared = await route.prepare(healthy, emu);
      await emu.fault({
        ...(route.target.method !== "*" && { method: route.target.method }),
        path: route.target.path,
        delayMs: HANG_MS,
      });
      const { answer, ms } = await timed(() => route.call(hanging, prepared, emu));
      expect(answer.status, answer.text).toBe(504);
      expect((answer.json as { error: { code: string } }).error.code).toBe("upstream_timeout");
      // At least one attempt's timeout (a retry whose backoff ends past the deadline is not made).
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    },
  );

  it("without it, the same hang costs every attempt's timeout (the behaviour it replaces)", async () => {
    const { hanging } = handlers(120_000);
    await emu.fault({ method: "GET", path: "/v1/entitlements/*", delayMs: HANG_MS });
    const { answer, ms } = await timed(() => hanging.get("/balance"));
    expect(answer.status).toBe(504);
    expect(ms).toBeGreaterThanOrEqual((RETRIES + 1) * TIMEOUT_MS - 20);
  });

  it("upstream calls of one request share its time: a slow first call leaves the next only the rest", async () => {
    const { healthy, hanging } = handlers();
    const paid = ROUTES.find((r) => r.name === "GET /purchases/{id} (paid: grant lookup)")!;
    const prepared = await paid.prepare(healthy, emu);
    // The invoice read alone fits in one attempt (200 < 250 ms); the grant lookup after it hangs.
    await emu.fault({ method: "GET", path: "/v2/invoices/*", delayMs: 200 });
    await emu.fault({ method: "GET", path: "/v1/entitlements/*/grants", delayMs: HANG_MS });
    const { answer, ms } = await timed(() => hanging.get(`/purchases/${prepared.purchaseId}`));
    expect(answer.status, answer.text).toBe(504);
    expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    // The grant lookup was reached, with only what the invoice read left of the deadline.
    expect((await emu.requests()).some((r) => /\/grants\?/.test(r.path))).toBe(true);
  });

  it("the default is 10 s: a request that fits is unaffected", async () => {
    const { healthy } = handlers();
    await emu.fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 100 });
    expect((await healthy.get("/balance")).status).toBe(200);
  });
});
