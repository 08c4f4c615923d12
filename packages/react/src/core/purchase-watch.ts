import { isFinalStatus, type PurchaseStatus } from "@creditkit/contract";
import type { PollingOptions } from "./polling.ts";

/**
 * What the purchase watch knows at one moment. Every time is a number from the same clock (see
 * clock.ts); the current time is not among them, so the same facts always give the same decision.
 */
export interface WatchFacts {
  /** When the polling budget started: the watch's start, or the last "check again". */
  budgetStartedAt: number;
  /** When the last answer (a status or an error) arrived; 0 before the first. */
  answeredAt: number;
  /** The last status the BFF reported, if any. */
  status: PurchaseStatus | undefined;
  /** The last answer was an error that asking again cannot fix (not_found, unauthenticated, …). */
  fatalError: boolean;
  /** A check is in flight. */
  checking: boolean;
}

export type WatchDecision =
  /** Check again after `delayMs` (counted from the last answer). */
  | { kind: "check"; delayMs: number }
  /** The purchase reached a final status: nothing left to watch. */
  | { kind: "final" }
  /** An error polling cannot fix ended the watch. */
  | { kind: "stopped" }
  /** The budget is spent but a check is in flight (e.g. one asked for elsewhere): its answer decides. */
  | { kind: "answer-pending" }
  /** The budget is spent without a final status: no more checks until someone asks again. */
  | { kind: "timed-out" };

/**
 * The purchase watch's one decision: check again (and when), or stop, and why.
 *
 * The time spent is the last answer's, never "now" read separately by each caller: the stop
 * decision and "timed out" are the same call on the same facts, so an answer just before the
 * deadline keeps polling and one at or after it times out, and nothing in between can leave the
 * watch stopped without saying so (69a4524). The last check is scheduled to land at the deadline,
 * never after it.
 */
export function decideWatch(facts: WatchFacts, polling: Required<PollingOptions>): WatchDecision {
  if (isFinalStatus(facts.status)) return { kind: "final" };
  if (facts.fatalError) return { kind: "stopped" };
  // An answer from before the budget started (kept from an earlier budget) counts as its start.
  const spent = Math.max(0, facts.answeredAt - facts.budgetStartedAt);
  const remaining = polling.timeoutMs - spent;
  if (remaining <= 0) return facts.checking ? { kind: "answer-pending" } : { kind: "timed-out" };
  return { kind: "check", delayMs: Math.min(pollDelay(spent, polling), remaining) };
}

/**
 * The delay before the next check, `spentMs` into the budget: initialDelayMs during the fast phase,
 * then a share of the time since it ended, which grows each delay by `factor` over the one before
 * (d = (factor − 1) × t gives d' = (factor − 1) × (t + d) = factor × d), capped at maxDelayMs.
 */
function pollDelay(spentMs: number, o: Required<PollingOptions>): number {
  return Math.min(o.maxDelayMs, Math.max(o.initialDelayMs, Math.round((spentMs - o.fastForMs) * (o.factor - 1))));
}
