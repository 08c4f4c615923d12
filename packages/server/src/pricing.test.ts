import { currencyMinorDigits, parseDecimal } from "@creditkit/paygentic";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomAmount, customCreditsProblem, customPrice, normalizePrice } from "./pricing.ts";

const custom: CustomAmount = { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01", minPrice: "0.50" };

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

describe("customPrice", () => {
  it("is unitPrice × credits rounded half-up to the currency's minor digits", () => {
    expect(customPrice("0.01", 2500, "USD")).toBe("25.00");
    expect(customPrice("0.0125", 3, "USD")).toBe("0.04"); // 0.0375 → 0.04
    expect(customPrice("0.0125", 2, "USD")).toBe("0.03"); // 0.025 → 0.03 (half-up)
    expect(customPrice("0.1", 7, "JPY")).toBe("1"); // 0.7 → 1
    expect(customPrice("0.001", 1234, "KWD")).toBe("1.234");
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
          expect(customPrice(unitPrice, credits, currency)).toBe(
            oracle(unitPrice, credits, currencyMinorDigits(currency)),
          );
        },
      ),
    );
  });

  it("is exact where float arithmetic is not", () => {
    // 0.07 × 100 in floats is 7.000000000000001; 1.005 rounded in floats gives 1.00.
    expect(customPrice("0.07", 100, "USD")).toBe("7.00");
    expect(customPrice("0.335", 3, "USD")).toBe("1.01"); // 1.005 → 1.01
  });
});

describe("customCreditsProblem", () => {
  it("accepts every step multiple in range whose price is at least the minimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 1000 }), (n) => {
        expect(customCreditsProblem(custom, n * 100, "USD")).toBeNull();
      }),
    );
  });

  it("names the broken rule", () => {
    expect(customCreditsProblem(custom, 400, "USD")).toBe("must be at least 500");
    expect(customCreditsProblem(custom, 100_100, "USD")).toBe("must be at most 100000");
    expect(customCreditsProblem(custom, 2550, "USD")).toBe("must be a multiple of 100");
    expect(customCreditsProblem(custom, 2500.5, "USD")).toBe("must be a whole number");
    const cheap = { ...custom, minCredits: 10, step: 10, unitPrice: "0.001" };
    expect(customCreditsProblem(cheap, 10, "USD")).toBe("costs 0.01, below the minimum price of 0.50");
  });
});

describe("normalizePrice", () => {
  it("pads to the currency's minor digits", () => {
    expect(normalizePrice("10", "USD")).toBe("10.00");
    expect(normalizePrice("10.5", "USD")).toBe("10.50");
    expect(normalizePrice("1000", "JPY")).toBe("1000");
  });
});
