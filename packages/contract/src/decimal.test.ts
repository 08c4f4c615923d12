import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimal, currencyMinorDigits, multiplyDecimal, parseDecimal, roundDecimal } from "./decimal.ts";

describe("decimal", () => {
  it("compares decimals exactly, whatever their scale", () => {
    expect(compareDecimal("0.50", "0.5")).toBe(0);
    expect(compareDecimal("0.499999999", "0.50")).toBe(-1);
    expect(compareDecimal("4503599.62", "4503599.619999999")).toBe(1);
    expect(compareDecimal("10", "9.999")).toBe(1);
    expect(compareDecimal("0.4999999999999999999999", "0.5")).toBe(-1); // equal as floats
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

  it("refuses what is not a non-negative decimal string", () => {
    for (const bad of ["", "-1", "1e3", "1.", ".5", " 1", "NaN", "0x10", "-0.01", "1e-2"]) {
      expect(() => parseDecimal(bad), bad).toThrow(RangeError);
    }
    expect(() => multiplyDecimal("1.00", -2)).toThrow(RangeError);
    expect(() => multiplyDecimal("1.00", 1.5)).toThrow(RangeError);
  });

  it("agrees with integer arithmetic on cents for any cent price and quantity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (cents, qty) => {
        const price = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        const total = BigInt(cents) * BigInt(qty);
        const expected = `${total / 100n}.${String(total % 100n).padStart(2, "0")}`;
        expect(roundDecimal(multiplyDecimal(price, qty), 2)).toBe(expected);
      }),
    );
  });
});
