// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createFormatter } from "./format.ts";

describe("createFormatter", () => {
  it("formats money from decimal strings without float rounding", () => {
    const en = createFormatter("en-US");
    expect(en.money("10.00", "USD")).toBe("$10.00");
    expect(en.money("12345678901234567.89", "USD")).toBe("$12,345,678,901,234,567.89");
    const de = createFormatter("de-DE");
    expect(de.money("1234.50", "EUR")).toBe("1.234,50\u00a0€");
    expect(de.number(20000)).toBe("20.000");
  });

  it("formats dates in the given time zone", () => {
    expect(createFormatter("en-US", "UTC").date("2026-03-01T23:30:00Z")).toBe("Mar 1, 2026");
    expect(createFormatter("en-US", "Asia/Tokyo").date("2026-03-01T23:30:00Z")).toBe("Mar 2, 2026");
    expect(createFormatter("de-DE", "UTC").date("2026-03-01T12:00:00Z")).toBe("01.03.2026");
  });
});
