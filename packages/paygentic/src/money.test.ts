import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareDecimal,
  currencyMinorDigits,
  fromMinorUnits,
  multiplyDecimal,
  parseDecimal,
  roundDecimal,
  toMinorUnits,
} from "./money.ts";

describe("money", () => {
  it("compares decimals exactly, whatever their scale", () => {
    expect(compareDecimal("0.50", "0.5")).toBe(0);
    expect(compareDecimal("0.499999999", "0.50")).toBe(-1);
    expect(compareDecimal("4503599.62", "4503599.619999999")).toBe(1);
  });

  it("multiplies without binary floats (0.1 × 3 is 0.3, not 0.30000000000000004)", () => {
    expect(multiplyDecimal("0.1", 3)).toBe("0.3");
    expect(multiplyDecimal("0.01", 2500)).toBe("25.00");
    expect(multiplyDecimal("0.000000001", 1_000_000_000)).toBe("1.000000000");
  });

  it("rounds half-up, up and down", () => {
    expect(roundDecimal("0.125", 2)).toBe("0.13");
    expect(roundDecimal("0.124999", 2)).toBe("0.12");
    expect(roundDecimal("0.121", 2, "up")).toBe("0.13");
    expect(roundDecimal("0.129", 2, "down")).toBe("0.12");
    expect(roundDecimal("7", 2)).toBe("7.00");
  });

  it("knows each currency's minor unit from Intl", () => {
    expect(currencyMinorDigits("usd")).toBe(2);
    expect(currencyMinorDigits("JPY")).toBe(0);
    expect(currencyMinorDigits("KWD")).toBe(3);
  });

  it("converts to and from minor units", () => {
    expect(toMinorUnits("5.00", "usd")).toBe(500);
    expect(toMinorUnits("0.505", "USD")).toBe(51);
    expect(toMinorUnits("1200", "JPY")).toBe(1200);
    expect(fromMinorUnits(500, "USD")).toBe("5.00");
    expect(fromMinorUnits(7, "KWD")).toBe("0.007");
  });

  it("refuses what is not a non-negative decimal string", () => {
    for (const bad of ["", "-1", "1e3", "1.", ".5", " 1", "NaN", "0x10"]) {
      expect(() => parseDecimal(bad), bad).toThrow(RangeError);
    }
    expect(() => fromMinorUnits(1.5, "USD")).toThrow(RangeError);
    expect(() => multiplyDecimal("1.00", -2)).toThrow(RangeError);
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
