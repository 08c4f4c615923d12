import type { RecordedRequest } from "@creditkit/emulator";
import { errorShapeProblems } from "@creditkit/test-kit/contract-shapes";
import { invoicesCreated } from "@creditkit/test-kit/invoices";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "./store/memory-store.ts";
import { ROUTES } from "./test-support/fault-routes.ts";
import { FAULTS, RETRIES, TIMEOUT_MS } from "./test-support/fault-table.ts";
import { makeHandler } from "./test-support/make-handler.ts";
import { type SlowBodyRelay, startSlowBodyRelay } from "./test-support/slow-body-relay.ts";

/**
 * Every route × every upstream fault (routes in parallel, each against its own emulator; faults
 * one after another). Each must give the contract's status and code, retry only what is safe and
 * only as often as configured, and never make a second invoice or credit what was not paid.
 *
 * No timings are asserted: the time budget is held structurally, by counting attempts (at most
 * RETRIES + 1, each cut off by TIMEOUT_MS, which is how a late answer becomes a 504 at all).
 */

describe.concurrent.each(ROUTES)("$name", (route) => {
  let emu: TestEmulator;
  let relay: SlowBodyRelay;
  beforeAll(async () => {
    emu = await startTestEmulator();
    relay = await startSlowBodyRelay(emu.emu.url);
  });
  afterAll(async () => {
    await relay.close();
    await emu.emu.close();
  });

  describe.sequential.each(FAULTS)("upstream $name", (fault) => {
    it(fault.expected.ok ? "still succeeds" : `answers ${fault.expected.status} ${fault.expected.code}`, async () => {
      await emu.reset();
      relay.clear();
      const store = createMemoryStore();
      const healthy = makeHandler(emu, { store });
      // Through the relay (a pass-through unless it is told to stall), with a short budget.
      const faulty = makeHandler(emu, {
        store,
        paygentic: { apiKey: emu.emu.apiKey, baseUrl: relay.url, timeoutMs: TIMEOUT_MS, retries: RETRIES },
      });
      const prepared = await route.prepare(healthy, emu);
      const before = (await emu.requests()).length;

      await fault.inject(emu, relay, route.target);
      const answer = await route.call(faulty, prepared, emu);
      await emu.clearFaults();
      relay.clear();
      const during = (await emu.requests()).slice(before);

      // 1. The documented status and code, in the contract's shape.
      if (route.offline || fault.expected.ok) {
        expect(answer.status, answer.text).toBe(route.okStatus);
      } else {
        expect(answer.status, answer.text).toBe(fault.expected.status);
        expect(errorShapeProblems(answer)).toEqual([]);
        expect((answer.json as { error: { code: string } }).error.code).toBe(fault.expected.code);
        if (fault.expected.retryAfterSeconds !== undefined) {
          expect((answer.json as { error: { retryAfterSeconds?: number } }).error.retryAfterSeconds).toBe(
            fault.expected.retryAfterSeconds,
          );
          expect(answer.headers.get("retry-after")).toBe(fault.expected.header);
        }
      }
      expect(answer.text).not.toContain(emu.emu.apiKey);

      // 2. Retries only where safe, never more than configured.
      const hits = during.filter((r) => matches(r, route.target));
      if (route.offline) expect(during).toEqual([]);
      else expect(hits).toHaveLength(fault.attempts === "retried" ? RETRIES + 1 : 1);

      // 3. Money: at most one invoice per attempt, and nothing shown as paid that was not.
      await expectMoneySafe(emu, healthy, prepared, answer.status === route.okStatus ? answer.json : null);
    });
  });
});

function matches(request: RecordedRequest, target: { method: string; path: string }): boolean {
  if (target.method !== "*" && request.method !== target.method) return false;
  const pathname = request.path.split("?")[0]!;
  const source = target.path
    .split("**")
    .map((part) => part.split("*").join("[^/]*"))
    .join(".*");
  return new RegExp(`^${source}$`).test(pathname);
}

async function expectMoneySafe(
  emu: TestEmulator,
  healthy: ReturnType<typeof makeHandler>,
  prepared: { purchaseId?: string; paid: boolean },
  okBody: unknown,
) {
  // The widget retries the same attempt once Paygentic is healthy: still exactly one invoice.
  const retried = await healthy.buy({ packId: "starter" }, "fault-matrix-attempt");
  expect(retried.status).toBe(201);
  expect(await invoicesCreated(emu)).toBe(1);

  const status = await healthy.get(`/purchases/${retried.json.purchaseId}`);
  expect(status.json.status).toBe(prepared.paid ? "paid" : "pending");
  if (okBody && typeof okBody === "object" && "status" in okBody) {
    expect((okBody as { status: string }).status).toBe(prepared.paid ? "paid" : "pending");
  }
  // A purchase grant exists only for what was paid.
  const grants = (await healthy.get("/grants?limit=100&includeVoided=true")).json.grants as { source: string }[];
  expect(grants.filter((g) => g.source === "purchase")).toHaveLength(prepared.paid ? 1 : 0);
}
