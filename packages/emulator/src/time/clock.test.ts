import { describe, expect, it } from "vitest";
import { Clock } from "./clock.ts";
import { parseDuration } from "./duration.ts";

describe("Clock", () => {
  let real = Date.parse("2026-01-01T00:00:00Z");
  const realNow = () => real;

  it("starts at the requested instant and keeps real time flowing", () => {
    const clock = Clock.startingAt(Date.parse("2030-05-05T00:00:00Z"), realNow);
    real += 1000;
    expect(clock.nowIso()).toBe("2030-05-05T00:00:01.000Z");
  });

  it("advances by calendar durations and resets to its starting offset", () => {
    const clock = Clock.startingAt(Date.parse("2030-01-31T00:00:00Z"), realNow);
    clock.advance(parseDuration("P1M")!);
    expect(clock.nowIso()).toBe("2030-02-28T00:00:00.000Z");
    clock.set(Date.parse("2031-01-01T00:00:00Z"));
    expect(clock.nowIso()).toBe("2031-01-01T00:00:00.000Z");
    clock.reset();
    expect(clock.nowIso()).toBe("2030-01-31T00:00:00.000Z");
  });
});
