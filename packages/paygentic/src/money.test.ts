import { multiplyDecimal } from "@creditkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMinorUnits, toMinorUnits } from "./money.ts";

// The decimal arithmetic itself is tested in @creditkit/contract (decimal.test.ts).

describe("money", () => {
  it("converts to and from minor units", () => {
    expect(toMinorUnits("5.00", "usd")).toBe(500);
    expect(toMinorUnits("0.505", "USD")).toBe(51);
    expect(toMinorUnits("1200", "JPY")).toBe(1200);
    expect(fromMinorUnits(500, "USD")).toBe("5.00");
    expect(fromMinorUnits(7, "KWD")).toBe("0.007");
  });

  it("refuses what is not a non-negative decimal string", () => {
    expect(() => toMinorUnits("-1", "USD")).toThrow(RangeError);
    expect(() => fromMinorUnits(1.5, "USD")).toThrow(RangeError);
    expect(() => fromMinorUnits(-1, "USD")).toThrow(RangeError);
  });

  it("agrees with integer arithmetic on cents for any price and quantity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (cents, qty) => {
        const price = fromMinorUnits(cents, "USD");
        const total = multiplyDecimal(price, qty);
        expect(toMinorUnits(total, "USD")).toBe(cents * qty);
      }),
    );
  });

  it("round-trips minor units for every currency digit count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom("USD", "JPY", "KWD", "EUR"), (minor, cur) => {
        expect(toMinorUnits(fromMinorUnits(minor, cur), cur)).toBe(minor);
      }),
    );
  });
});
