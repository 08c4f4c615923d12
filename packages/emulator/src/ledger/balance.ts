import type { Duration } from "../time/duration.ts";
import { boundariesBetween, windowAt } from "../time/windows.ts";

/**
 * The balance arithmetic of a metered entitlement (README "decisions"), as a pure function of
 * its grants and usage: everything is replayed from history up to the instant asked for, so a
 * read `?at=` in the past and a read now use the same rules.
 *
 * - A grant burns only while active: effectiveAt ≤ u, not expired (expiresAt > u), not voided
 *   (voidedAt > u). Voiding or expiry therefore removes only what is left of it.
 * - Usage at u burns active grants in order: lowest priority, earliest expiresAt (never last),
 *   oldest createdAt. What no grant covers is overage; later grants do not pay it back.
 * - A grant with a recurrence period refills to its full amount at each boundary counted from
 *   its effectiveAt, so usage in one window burns that window's allowance only.
 * - At each usage-period boundary a one-time grant's remainder is clamped to
 *   [resetMinRollover, resetMaxRollover] (the defaults make this a no-op). Recurring grants
 *   are left to their own refill schedule.
 */

export interface LedgerGrant {
  id: string;
  amount: number;
  effectiveAt: number;
  expiresAt: number | null;
  voidedAt: number | null;
  createdAt: number;
  priority: number;
  recurrence: Duration | null;
  resetMaxRollover: number;
  resetMinRollover: number;
}

export interface LedgerUsage {
  at: number;
  amount: number;
}

export interface LedgerInput {
  grants: readonly LedgerGrant[];
  /** Sorted by `at`, oldest first. Entries after `at` are ignored. */
  usage: readonly LedgerUsage[];
  at: number;
  /** The entitlement's usage period, or null when it has none. */
  usagePeriod: { anchor: number; period: Duration } | null;
}

export interface LedgerResult {
  balance: number;
  usageInPeriod: number;
  overage: number;
  periodStart: number | null;
  periodEnd: number | null;
  /** What is left of each grant at `at` (0 for grants that are not active then). */
  remaining: Map<string, number>;
}

/** Credits may be fractional (1e-8 steps); rounding each step keeps float dust out of answers. */
export function roundCredits(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

export function isGrantActive(g: LedgerGrant, u: number): boolean {
  return g.effectiveAt <= u && (g.expiresAt === null || g.expiresAt > u) && (g.voidedAt === null || g.voidedAt > u);
}

export function compareBurnOrder(a: LedgerGrant, b: LedgerGrant): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ea = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface GrantState {
  remaining: number;
  window: number;
}

export function computeBalance(input: LedgerInput): LedgerResult {
  const { at } = input;
  const order = [...input.grants].sort(compareBurnOrder);
  const states = new Map<string, GrantState>();
  for (const g of order) states.set(g.id, { remaining: g.amount, window: 0 });

  /** What is left of a grant at u, refilling a recurring grant when u is in a new window. */
  const current = (g: LedgerGrant, u: number): GrantState => {
    const s = states.get(g.id) as GrantState;
    if (g.recurrence !== null) {
      const w = windowAt(g.effectiveAt, g.recurrence, u).index;
      if (w !== s.window) {
        s.window = w;
        s.remaining = g.amount;
      }
    }
    return s;
  };

  let periodStart: number | null = null;
  let periodEnd: number | null = null;
  let resets: number[] = [];
  if (input.usagePeriod !== null) {
    const { anchor, period } = input.usagePeriod;
    const w = windowAt(anchor, period, at);
    periodStart = w.start;
    periodEnd = w.end;
    const earliest = order.reduce((min, g) => Math.min(min, g.effectiveAt), at);
    resets = boundariesBetween(anchor, period, Math.min(earliest, anchor), at);
  }

  let usageInPeriod = 0;
  let overage = 0;
  let r = 0;
  for (const use of input.usage) {
    if (use.at > at) break;
    // Period boundaries at or before this usage are applied first: usage at a boundary
    // belongs to the new period.
    for (; r < resets.length && (resets[r] as number) <= use.at; r++) applyRollover(resets[r] as number);
    let left = use.amount;
    for (const g of order) {
      if (left <= 0) break;
      if (!isGrantActive(g, use.at)) continue;
      const s = current(g, use.at);
      if (s.remaining <= 0) continue;
      const take = Math.min(s.remaining, left);
      s.remaining = roundCredits(s.remaining - take);
      left = roundCredits(left - take);
    }
    if (periodStart === null || use.at >= periodStart) {
      usageInPeriod += use.amount;
      overage += left;
    }
  }
  for (; r < resets.length; r++) applyRollover(resets[r] as number);

  function applyRollover(boundary: number): void {
    for (const g of order) {
      if (g.recurrence !== null || !isGrantActive(g, boundary)) continue;
      const s = current(g, boundary);
      s.remaining = Math.min(g.resetMaxRollover, Math.max(s.remaining, g.resetMinRollover));
    }
  }

  let balance = 0;
  const remaining = new Map<string, number>();
  for (const g of order) {
    const left = isGrantActive(g, at) ? current(g, at).remaining : 0;
    remaining.set(g.id, left);
    balance += left;
  }
  return {
    balance: roundCredits(balance),
    usageInPeriod: roundCredits(usageInPeriod),
    overage: roundCredits(overage),
    periodStart,
    periodEnd,
    remaining,
  };
}
