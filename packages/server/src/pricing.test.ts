import type { CustomAmountRules } from "@creditkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customCreditsProblem, normalizePrice } from "./pricing.ts";

// The pricing rule itself (unitPrice × credits, half-up) is tested in @creditkit/contract.
const custom: CustomAmountRules = {
  minCredits: 500,
  maxCredits: 100_000,
  step: 100,
  unitPrice: "0.01",
  minPrice: "0.50",
};

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
