import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCustomAmount, customAmountPrice } from "./custom-amount.ts";
import { currencyMinorDigits, parseDecimal } from "./decimal.ts";

const rules = { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01", minPrice: "0.50" };

describe("customAmountPrice", () => {
  it("multiplies exactly and pads to the currency's digits", () => {
    expect(customAmountPrice("0.01", 2500, "USD")).toBe("25.00");
    expect(customAmountPrice("0.1", 3, "USD")).toBe("0.30"); // 0.1 × 3 is 0.30000000000000004 in floats
    expect(customAmountPrice("12", 0, "USD")).toBe("0.00");
    expect(customAmountPrice("0.01", 100, "JPY")).toBe("1");
    expect(customAmountPrice("0.0001", 15, "KWD")).toBe("0.002");
  });

  it("rounds half-up at the minor digit", () => {
    expect(customAmountPrice("0.005", 1, "USD")).toBe("0.01");
    expect(customAmountPrice("0.0049", 1, "USD")).toBe("0.00");
    expect(customAmountPrice("0.0125", 3, "USD")).toBe("0.04"); // 0.0375
    expect(customAmountPrice("0.015", 1, "JPY")).toBe("0");
  });
});

/** Independent oracle: integer arithmetic on scaled units, half-up, no floats. */
function oracle(unitPrice: string, credits: number, digits: number): string {
  const u = parseDecimal(unitPrice);
  const exact = u.units * BigInt(credits); // scale u.scale
  const shift = u.scale - digits;
  let minor: bigint;
  if (shift <= 0) minor = exact * 10n ** BigInt(-shift);
  else {
    const d = 10n ** BigInt(shift);
    minor = exact / d + ((exact % d) * 2n >= d ? 1n : 0n);
  }
  const s = minor.toString().padStart(digits + 1, "0");
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

describe("customAmountPrice against an integer oracle", () => {
  it("is unitPrice × credits rounded half-up to the currency's minor digits", () => {
    expect(customAmountPrice("0.01", 2500, "USD")).toBe("25.00");
    expect(customAmountPrice("0.0125", 3, "USD")).toBe("0.04"); // 0.0375 → 0.04
    expect(customAmountPrice("0.0125", 2, "USD")).toBe("0.03"); // 0.025 → 0.03 (half-up)
    expect(customAmountPrice("0.1", 7, "JPY")).toBe("1"); // 0.7 → 1
    expect(customAmountPrice("0.001", 1234, "KWD")).toBe("1.234");
  });

  it("matches an integer oracle for any unit price, credit count and currency (never float)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom("USD", "EUR", "JPY", "KWD"),
        (units, scale, credits, currency) => {
          const s = units.toString().padStart(scale + 1, "0");
          const unitPrice = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
          expect(customAmountPrice(unitPrice, credits, currency)).toBe(
            oracle(unitPrice, credits, currencyMinorDigits(currency)),
          );
        },
      ),
    );
  });

  it("is exact where float arithmetic is not", () => {
    // 0.07 × 100 in floats is 7.000000000000001; 1.005 rounded in floats gives 1.00.
    expect(customAmountPrice("0.07", 100, "USD")).toBe("7.00");
    expect(customAmountPrice("0.335", 3, "USD")).toBe("1.01"); // 1.005 → 1.01
  });
});

describe("checkCustomAmount", () => {
  it("prices a valid amount exactly", () => {
    expect(checkCustomAmount(rules, 2500, "USD")).toEqual({ ok: true, credits: 2500, price: "25.00" });
    expect(checkCustomAmount(rules, 500, "USD")).toEqual({ ok: true, credits: 500, price: "5.00" });
  });

  it.each([
    [12.5, { kind: "not_whole" }],
    [-100, { kind: "not_whole" }],
    [Number.MAX_SAFE_INTEGER + 2, { kind: "not_whole" }],
    [Number.NaN, { kind: "not_whole" }],
    [400, { kind: "below_min", minCredits: 500 }],
    [100_100, { kind: "above_max", maxCredits: 100_000 }],
    [2550, { kind: "off_step", step: 100 }],
  ])("refuses %s with the rule it breaks", (credits, problem) => {
    expect(checkCustomAmount(rules, credits, "USD")).toEqual({ ok: false, problem });
  });

  it("applies the minimum price after the credit rules", () => {
    const cheap = { ...rules, minCredits: 10, step: 10, unitPrice: "0.001" };
    expect(checkCustomAmount(cheap, 100, "USD")).toEqual({
      ok: false,
      problem: { kind: "below_min_price", price: "0.10", minPrice: "0.50" },
    });
    expect(checkCustomAmount(cheap, 500, "USD")).toEqual({ ok: true, credits: 500, price: "0.50" });
  });

  it("applies a maximum price only when one is given", () => {
    const dear = { ...rules, unitPrice: "100" };
    expect(checkCustomAmount(dear, 100_000, "USD", "4503599.62")).toEqual({
      ok: false,
      problem: { kind: "above_max_price", price: "10000000.00", maxPrice: "4503599.62" },
    });
    expect(checkCustomAmount(dear, 100_000, "USD")).toMatchObject({ ok: true });
  });
});
