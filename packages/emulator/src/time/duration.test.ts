import { describe, expect, it } from "vitest";
import { addDuration, parseDuration, parseSignedDuration } from "./duration.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("parseDuration", () => {
  it("reads every component", () => {
    expect(parseDuration("P1Y2M3W4DT5H6M7.5S")).toEqual({
      sign: 1,
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
    expect(parseDuration("PT25H")?.hours).toBe(25);
    expect(parseDuration("P1M")?.months).toBe(1);
    expect(parseDuration("PT1M")?.minutes).toBe(1);
  });

  it.each(["", "P", "PT", "P1DT", "1D", "P1H", "PT1D", "P-1D", "-P1D", "P1.5D", "p1d", "P1D ", "PT1.2345S"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it("accepts a leading minus only when asked to", () => {
    expect(parseSignedDuration("-P10D")).toMatchObject({ sign: -1, days: 10 });
    expect(parseDuration("-P10D")).toBeUndefined();
  });
});

describe("addDuration", () => {
  it("adds fixed parts exactly", () => {
    expect(iso(addDuration(at("2026-03-15T12:00:00Z"), parseDuration("PT25H")!))).toBe("2026-03-16T13:00:00.000Z");
    expect(iso(addDuration(at("2026-03-15T12:00:00Z"), parseDuration("P1W")!))).toBe("2026-03-22T12:00:00.000Z");
  });

  it("clamps to the end of a shorter month and keeps the anchor's day for multiples", () => {
    const jan31 = at("2026-01-31T10:00:00Z");
    const p1m = parseDuration("P1M")!;
    expect(iso(addDuration(jan31, p1m))).toBe("2026-02-28T10:00:00.000Z");
    expect(iso(addDuration(jan31, p1m, 2))).toBe("2026-03-31T10:00:00.000Z");
    expect(iso(addDuration(at("2028-01-31T00:00:00Z"), p1m))).toBe("2028-02-29T00:00:00.000Z");
    expect(iso(addDuration(jan31, p1m, -2))).toBe("2025-11-30T10:00:00.000Z");
  });

  it("subtracts signed durations", () => {
    expect(iso(addDuration(at("2026-03-15T00:00:00Z"), parseSignedDuration("-P1M")!))).toBe("2026-02-15T00:00:00.000Z");
  });
});
