import { describe, expect, it } from "vitest";
import { parseDuration } from "../time/duration.ts";
import { computeBalance, type LedgerGrant, type LedgerUsage } from "./balance.ts";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const DAY = 86_400_000;
const day = (n: number) => T0 + n * DAY;

function grant(id: string, amount: number, extra: Partial<LedgerGrant> = {}): LedgerGrant {
  return {
    id,
    amount,
    effectiveAt: T0,
    expiresAt: null,
    voidedAt: null,
    createdAt: T0,
    priority: 0,
    recurrence: null,
    resetMaxRollover: 999_999_999_999,
    resetMinRollover: 0,
    ...extra,
  };
}

function balanceAt(at: number, grants: LedgerGrant[], usage: LedgerUsage[] = [], period?: string) {
  return computeBalance({
    grants,
    usage,
    at,
    usagePeriod: period ? { anchor: T0, period: parseDuration(period)! } : null,
  });
}

describe("computeBalance", () => {
  it("sums active grants and subtracts usage", () => {
    const r = balanceAt(day(5), [grant("a", 100), grant("b", 50)], [{ at: day(1), amount: 30 }]);
    expect(r.balance).toBe(120);
    expect(r.overage).toBe(0);
  });

  it("burns lowest priority first, then earliest expiry, then oldest", () => {
    const grants = [
      grant("late", 10, { createdAt: day(0) + 2 }),
      grant("early", 10, { createdAt: day(0) + 1 }),
      grant("expiring", 10, { expiresAt: day(30) }),
      grant("urgent", 10, { priority: -1 }),
      grant("last", 10, { priority: 5, expiresAt: day(2) }),
    ];
    const r = balanceAt(day(1), grants, [{ at: day(1), amount: 35 }]);
    expect(Object.fromEntries(r.remaining)).toEqual({ urgent: 0, expiring: 0, early: 0, late: 5, last: 10 });
    expect(r.balance).toBe(15);
  });

  it("ignores grants before they are effective and after they expire", () => {
    const grants = [grant("future", 100, { effectiveAt: day(10) }), grant("promo", 50, { expiresAt: day(3) })];
    expect(balanceAt(day(1), grants).balance).toBe(50);
    expect(balanceAt(day(3), grants).balance).toBe(0);
    expect(balanceAt(day(10), grants).balance).toBe(100);
  });

  it("lets usage burn only grants active when it happened", () => {
    const grants = [grant("later", 100, { effectiveAt: day(5) })];
    const r = balanceAt(day(6), grants, [{ at: day(1), amount: 40 }]);
    expect(r.balance).toBe(100);
    expect(r.overage).toBe(40);
  });

  it("voids only what is left of a grant", () => {
    const grants = [grant("a", 100, { voidedAt: day(2) }), grant("b", 100, { priority: 1 })];
    const usage = [
      { at: day(1), amount: 70 },
      { at: day(3), amount: 10 },
    ];
    const before = balanceAt(day(1), grants, usage);
    expect(before.balance).toBe(130);
    const after = balanceAt(day(4), grants, usage);
    expect(after.balance).toBe(90);
  });

  it("counts uncovered usage as overage and never pays it back with later grants", () => {
    const grants = [grant("a", 10), grant("b", 100, { effectiveAt: day(2) })];
    const r = balanceAt(day(3), grants, [{ at: day(1), amount: 25 }]);
    expect(r.overage).toBe(15);
    expect(r.balance).toBe(100);
  });

  it("refills a recurring grant at each recurrence boundary", () => {
    const plan = grant("plan", 1000, { recurrence: parseDuration("P1M")! });
    const usage = [
      { at: Date.parse("2026-01-10T00:00:00Z"), amount: 900 },
      { at: Date.parse("2026-01-20T00:00:00Z"), amount: 300 },
      { at: Date.parse("2026-02-03T00:00:00Z"), amount: 100 },
    ];
    const jan = balanceAt(Date.parse("2026-01-25T00:00:00Z"), [plan], usage, "P1M");
    expect([jan.balance, jan.usageInPeriod, jan.overage]).toEqual([0, 1200, 200]);
    const feb = balanceAt(Date.parse("2026-02-10T00:00:00Z"), [plan], usage, "P1M");
    expect([feb.balance, feb.usageInPeriod, feb.overage]).toEqual([900, 100, 0]);
    expect(new Date(feb.periodStart!).toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(new Date(feb.periodEnd!).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("clamps one-time grants to their rollover bounds at each usage-period reset", () => {
    const grants = [grant("capped", 100, { resetMaxRollover: 20 }), grant("free", 100)];
    const r = balanceAt(Date.parse("2026-02-02T00:00:00Z"), grants, [{ at: day(1), amount: 10 }], "P1M");
    // "capped" burned first (created same time, id order): 90 left, clamped to 20 at Feb 1.
    expect(Object.fromEntries(r.remaining)).toEqual({ capped: 20, free: 100 });
  });

  it("keeps fractional credits exact to 1e-8", () => {
    const r = balanceAt(day(1), [grant("a", 0.3)], [{ at: day(1), amount: 0.1 }]);
    expect(r.balance).toBe(0.2);
  });

  it("ignores usage after the instant asked for", () => {
    expect(balanceAt(day(1), [grant("a", 10)], [{ at: day(2), amount: 5 }]).balance).toBe(10);
  });
});
