// @vitest-environment node
import { PURCHASE_STATUSES, type PurchaseStatus } from "@creditkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLLING, type PollingOptions } from "./polling.ts";
import { decideWatch, type WatchFacts } from "./purchase-watch.ts";

const START = 1_700_000_000_000;
const pending = (answeredAt: number, more: Partial<WatchFacts> = {}): WatchFacts => ({
  budgetStartedAt: START,
  answeredAt,
  status: "pending",
  fatalError: false,
  checking: false,
  ...more,
});

/**
 * The delays of one watch from its start when every check is answered "pending" at once: each
 * decision is taken on the answer of the check before, as the hook takes them.
 */
function schedule(options: Required<PollingOptions>): number[] {
  const delays: number[] = [];
  for (let at = START; ; ) {
    const decision = decideWatch(pending(at), options);
    if (decision.kind !== "check") {
      expect(decision.kind).toBe("timed-out");
      return delays;
    }
    delays.push(decision.delayMs);
    at += decision.delayMs;
  }
}

describe("the check schedule", () => {
  it("checks every 250 ms for the first 10 s", () => {
    const delays = schedule(DEFAULT_POLLING);
    expect(delays.slice(0, 40).every((d) => d === 250)).toBe(true);
    expect(delays.slice(0, 40).reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it("then grows each delay by 1.5× and caps at 5 s", () => {
    const growing = schedule(DEFAULT_POLLING).filter((d) => d > 250);
    expect(growing.slice(0, 6)).toEqual([375, 563, 844, 1266, 1899, 2849]);
    expect(growing.slice(7, 10)).toEqual([5000, 5000, 5000]);
  });

  it("fits about sixty checks into the default 60 s budget, most of them in the first 10 s", () => {
    const checks = schedule(DEFAULT_POLLING).length;
    expect(checks).toBeGreaterThanOrEqual(50);
    expect(checks).toBeLessThanOrEqual(65);
  });

  it("without a fast phase, starts growing once a delay's share of the time exceeds the first delay", () => {
    const delays = schedule({ ...DEFAULT_POLLING, initialDelayMs: 1000, fastForMs: 0 }).slice(0, 6);
    expect(delays).toEqual([1000, 1000, 1000, 1500, 2250, 3375]);
  });

  it("lands the last check exactly at the end of the budget", () => {
    const delays = schedule(DEFAULT_POLLING);
    expect(delays.reduce((a, b) => a + b, 0)).toBe(DEFAULT_POLLING.timeoutMs);
  });
});

describe("decideWatch", () => {
  it.each<[string, WatchFacts, ReturnType<typeof decideWatch>]>([
    ["before the first answer", pending(0), { kind: "check", delayMs: 250 }],
    ["a first answer at once", pending(START), { kind: "check", delayMs: 250 }],
    ["12 s in", pending(START + 12_000), { kind: "check", delayMs: 1000 }],
    [
      "4 s before the deadline, the delay is cut to land on it",
      pending(START + 56_000),
      { kind: "check", delayMs: 4000 },
    ],
    ["an answer from before this budget (check again)", pending(START - 90_000), { kind: "check", delayMs: 250 }],
    ["at the deadline", pending(START + 60_000), { kind: "timed-out" }],
    ["past the deadline", pending(START + 75_000), { kind: "timed-out" }],
    ["past the deadline, a check in flight", pending(START + 75_000, { checking: true }), { kind: "answer-pending" }],
    ["paid", pending(START + 1000, { status: "paid" }), { kind: "final" }],
    ["expired, long after the deadline", pending(START + 500_000, { status: "expired" }), { kind: "final" }],
    ["an error polling cannot fix", pending(START + 1000, { fatalError: true }), { kind: "stopped" }],
    [
      "a final status wins over a later error",
      pending(START, { status: "failed", fatalError: true }),
      { kind: "final" },
    ],
    [
      "no status yet and a transient error",
      pending(START + 1000, { status: undefined }),
      { kind: "check", delayMs: 250 },
    ],
  ])("%s", (_, facts, decision) => {
    expect(decideWatch(facts, DEFAULT_POLLING)).toEqual(decision);
  });

  // 69a4524: the stop decision and "timed out" each read the clock, so a last answer rendered just
  // before the deadline (not timed out) while polling stopped just after it (no next check), and the
  // widget waited forever. Both now come from one decision on the last answer's stored time.
  it("regression 69a4524: an answer just before the deadline keeps polling, one at the deadline times out", () => {
    const { timeoutMs } = DEFAULT_POLLING;
    expect(decideWatch(pending(START + timeoutMs - 1), DEFAULT_POLLING)).toEqual({ kind: "check", delayMs: 1 });
    expect(decideWatch(pending(START + timeoutMs), DEFAULT_POLLING)).toEqual({ kind: "timed-out" });
  });
});

describe("decideWatch, for any times and settings", () => {
  const polling = fc.record({
    initialDelayMs: fc.integer({ min: 1, max: 10_000 }),
    fastForMs: fc.integer({ min: 0, max: 120_000 }),
    factor: fc.double({ min: 1, max: 4, noNaN: true }),
    maxDelayMs: fc.integer({ min: 1, max: 60_000 }),
    timeoutMs: fc.integer({ min: 1, max: 600_000 }),
  });
  const facts = fc.record({
    budgetStartedAt: fc.integer({ min: 0, max: 2 ** 42 }),
    // Relative to the budget's start: before it (an earlier budget's answer), inside it, after it.
    answeredAfter: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    status: fc.option(fc.constantFrom<PurchaseStatus>(...PURCHASE_STATUSES), { nil: undefined }),
    fatalError: fc.boolean(),
    checking: fc.boolean(),
  });
  const watchFacts = ({ answeredAfter, ...f }: { answeredAfter: number } & Omit<WatchFacts, "answeredAt">) => ({
    ...f,
    answeredAt: f.budgetStartedAt + answeredAfter,
  });

  it("never asks for a negative or zero delay", () => {
    fc.assert(
      fc.property(facts, polling, (f, p) => {
        const decision = decideWatch(watchFacts(f), p);
        return decision.kind !== "check" || decision.delayMs > 0;
      }),
    );
  });

  it("never schedules a check after the budget", () => {
    fc.assert(
      fc.property(facts, polling, (f, p) => {
        const w = watchFacts(f);
        const decision = decideWatch(w, p);
        return decision.kind !== "check" || w.answeredAt + decision.delayMs <= w.budgetStartedAt + p.timeoutMs;
      }),
    );
  });

  it("always stops at a final status, whatever the time", () => {
    fc.assert(
      fc.property(facts, polling, (f, p) => {
        const w = watchFacts(f);
        return w.status === undefined || w.status === "pending" || decideWatch(w, p).kind === "final";
      }),
    );
  });

  it("never stops without saying why: with nothing in flight it checks again or has timed out", () => {
    fc.assert(
      fc.property(facts, polling, (f, p) => {
        const w = { ...watchFacts(f), status: "pending" as const, fatalError: false, checking: false };
        const kind = decideWatch(w, p).kind;
        return kind === "check" || kind === "timed-out";
      }),
    );
  });

  it("ends every watch that stays pending within its budget, with a last check at the deadline", () => {
    // Delays of at least 10 ms keep each simulated watch under 60,000 checks.
    const walkable = polling.filter((p) => Math.min(p.initialDelayMs, p.maxDelayMs) >= 10);
    fc.assert(
      fc.property(walkable, (p) => {
        let at = START;
        for (let checks = 0; checks <= p.timeoutMs; checks++) {
          const decision = decideWatch(pending(at), p);
          if (decision.kind === "timed-out") return at === START + p.timeoutMs;
          if (decision.kind !== "check") return false;
          at += decision.delayMs;
        }
        return false;
      }),
    );
  });
});
