/** Small statistics helpers shared by the benchmarks: nearest-rank percentiles and medians. */

/** Nearest-rank percentile of unsorted samples (p in 0–100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds for display and JSON: latencies to 0.01 ms, everything else as asked. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "1,234" */
export function int(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** "1.23" (fixed digits), or "—" when not measured. */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits);
}
