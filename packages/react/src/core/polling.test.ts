// @vitest-environment node
import { describe, expect, it } from "vitest";
import { DEFAULT_POLLING, pollDelay } from "./polling.ts";

describe("pollDelay", () => {
  it("grows from 1 s by 1.5× and caps at 5 s", () => {
    const delays = Array.from({ length: 8 }, (_, i) => pollDelay(i, DEFAULT_POLLING));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000]);
  });

  it("fits about twenty checks into the default 60 s budget", () => {
    let elapsed = 0;
    let checks = 0;
    while (elapsed + pollDelay(checks, DEFAULT_POLLING) <= DEFAULT_POLLING.timeoutMs) {
      elapsed += pollDelay(checks, DEFAULT_POLLING);
      checks += 1;
    }
    expect(checks).toBeGreaterThanOrEqual(12);
    expect(checks).toBeLessThanOrEqual(20);
  });
});
