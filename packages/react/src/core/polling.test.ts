// @vitest-environment node
import { describe, expect, it } from "vitest";
import { DEFAULT_POLLING, type PollingOptions, pollDelay } from "./polling.ts";

/** The delays of one watch from its start, as the hook applies them (each from the time elapsed). */
function schedule(options: Required<PollingOptions>): number[] {
  const delays: number[] = [];
  for (let elapsed = 0; elapsed < options.timeoutMs; ) {
    const delay = Math.min(pollDelay(elapsed, options), options.timeoutMs - elapsed);
    delays.push(delay);
    elapsed += delay;
  }
  return delays;
}

describe("pollDelay", () => {
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
});
