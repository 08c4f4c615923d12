// @vitest-environment node
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBelow, priceFor } from "./decimal.ts";

describe("priceFor", () => {
  it("multiplies exactly and pads to the currency's digits", () => {
    expect(priceFor("0.01", 2500, 2)).toBe("25.00");
    expect(priceFor("0.1", 3, 2)).toBe("0.30"); // 0.1 × 3 is 0.30000000000000004 in floats
    expect(priceFor("12", 0, 2)).toBe("0.00");
    expect(priceFor("0.01", 100, 0)).toBe("1");
  });

  it("rounds half-up at the minor digit", () => {
    expect(priceFor("0.005", 1, 2)).toBe("0.01");
    expect(priceFor("0.0049", 1, 2)).toBe("0.00");
    expect(priceFor("0.0125", 3, 2)).toBe("0.04"); // 0.0375
    expect(priceFor("0.015", 1, 0)).toBe("0");
  });

  it("refuses malformed input instead of guessing", () => {
    expect(priceFor("1e-2", 5, 2)).toBeNull();
    expect(priceFor("-0.01", 5, 2)).toBeNull();
    expect(priceFor("0.01", 1.5, 2)).toBeNull();
  });

  it("matches integer arithmetic on cents for any cent price and quantity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (cents, qty) => {
        const price = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        const total = BigInt(cents) * BigInt(qty);
        const expected = `${total / 100n}.${String(total % 100n).padStart(2, "0")}`;
        expect(priceFor(price, qty, 2)).toBe(expected);
      }),
    );
  });
});

describe("isBelow", () => {
  it("compares across scales, exactly", () => {
    expect(isBelow("0.50", "0.5")).toBe(false);
    expect(isBelow("0.49", "0.5")).toBe(true);
    expect(isBelow("10", "9.999")).toBe(false);
    expect(isBelow("0.4999999999999999999999", "0.5")).toBe(true); // equal as floats
  });
});
