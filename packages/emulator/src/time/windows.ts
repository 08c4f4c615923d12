import { addDuration, approximateMs, type Duration, fixedPartMs, isFixedLength } from "./duration.ts";

/** One period of a repeating schedule: [start, end), the index-th after the anchor. */
export interface Window {
  index: number;
  start: number;
  end: number;
}

/**
 * The window of `anchor + k·period` that contains `t` (k may be negative when t is before the
 * anchor). Used for an entitlement's usage period and for a recurring grant's refills.
 * The period must be positive.
 */
export function windowAt(anchor: number, period: Duration, t: number): Window {
  let k: number;
  if (isFixedLength(period)) {
    k = Math.floor((t - anchor) / fixedPartMs(period));
  } else {
    k = Math.floor((t - anchor) / approximateMs(period));
    // The estimate is off by at most one or two periods; walk to the exact one.
    while (addDuration(anchor, period, k) > t) k--;
    while (addDuration(anchor, period, k + 1) <= t) k++;
  }
  return { index: k, start: addDuration(anchor, period, k), end: addDuration(anchor, period, k + 1) };
}

/** Every boundary `anchor + k·period` with from < boundary ≤ to (k ≥ 1), in order. */
export function boundariesBetween(anchor: number, period: Duration, from: number, to: number): number[] {
  if (to <= from) return [];
  const out: number[] = [];
  let k = Math.max(1, windowAt(anchor, period, from).index + 1);
  for (let b = addDuration(anchor, period, k); b <= to; b = addDuration(anchor, period, ++k)) {
    if (b > from) out.push(b);
  }
  return out;
}
