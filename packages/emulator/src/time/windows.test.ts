import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration.ts";
import { boundariesBetween, windowAt } from "./windows.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("windowAt", () => {
  const anchor = at("2026-01-31T00:00:00Z");
  const p1m = parseDuration("P1M")!;

  it("finds the calendar window that contains an instant", () => {
    const w = windowAt(anchor, p1m, at("2026-03-05T00:00:00Z"));
    expect([w.index, iso(w.start), iso(w.end)]).toEqual([1, "2026-02-28T00:00:00.000Z", "2026-03-31T00:00:00.000Z"]);
  });

  it("treats the boundary itself as the start of the next window", () => {
    expect(windowAt(anchor, p1m, at("2026-02-28T00:00:00Z")).index).toBe(1);
    expect(windowAt(anchor, p1m, at("2026-02-27T23:59:59.999Z")).index).toBe(0);
  });

  it("goes back before the anchor with negative indexes", () => {
    const w = windowAt(anchor, p1m, at("2025-12-01T00:00:00Z"));
    expect([w.index, iso(w.start)]).toEqual([-2, "2025-11-30T00:00:00.000Z"]);
  });

  it("handles fixed-length periods", () => {
    const w = windowAt(at("2026-01-01T00:00:00Z"), parseDuration("P1D")!, at("2026-01-10T05:00:00Z"));
    expect([w.index, iso(w.start)]).toEqual([9, "2026-01-10T00:00:00.000Z"]);
  });
});

describe("boundariesBetween", () => {
  it("lists the boundaries in (from, to]", () => {
    const out = boundariesBetween(
      at("2026-01-01T00:00:00Z"),
      parseDuration("P1M")!,
      at("2026-01-01T00:00:00Z"),
      at("2026-04-01T00:00:00Z"),
    );
    expect(out.map(iso)).toEqual(["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
  });
});
