// @vitest-environment node
import { describe, expect, it } from "vitest";
import { checkCustomAmount } from "./custom-amount.ts";

const rules = { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01", minPrice: "0.50" };

describe("checkCustomAmount", () => {
  it("prices a valid amount exactly", () => {
    expect(checkCustomAmount("2500", rules, 2)).toEqual({ ok: true, credits: 2500, price: "25.00" });
    expect(checkCustomAmount(" 500 ", rules, 2)).toEqual({ ok: true, credits: 500, price: "5.00" });
  });

  it.each([
    ["", "not a number"],
    ["12.5", "not a whole number"],
    ["-100", "negative"],
    ["1e3", "not written as digits"],
    ["99999999999999999999", "not a safe integer"],
    ["400", "under the minimum"],
    ["100100", "over the maximum"],
    ["2550", "not a multiple of the step"],
  ])("refuses %j (%s)", (input) => {
    expect(checkCustomAmount(input, rules, 2)).toEqual({ ok: false });
  });

  it("applies the minimum price after the credit rules", () => {
    const cheap = { ...rules, minCredits: 10, step: 10, unitPrice: "0.001" };
    expect(checkCustomAmount("100", cheap, 2)).toEqual({ ok: false, belowMinPrice: true });
    expect(checkCustomAmount("500", cheap, 2)).toEqual({ ok: true, credits: 500, price: "0.50" });
  });
});
