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
    ["", "not_a_number"],
    ["12.5", "not_a_number"],
    ["-100", "not_a_number"],
    ["1e3", "not_a_number"],
    ["400", "too_low"],
    ["100100", "too_high"],
    ["2550", "step"],
  ])("refuses %j as %s", (input, problem) => {
    expect(checkCustomAmount(input, rules, 2)).toMatchObject({ ok: false, problem });
  });

  it("applies the minimum price after the credit rules", () => {
    const cheap = { ...rules, minCredits: 10, step: 10, unitPrice: "0.001" };
    expect(checkCustomAmount("100", cheap, 2)).toEqual({ ok: false, problem: "below_min_price", price: "0.10" });
    expect(checkCustomAmount("500", cheap, 2)).toEqual({ ok: true, credits: 500, price: "0.50" });
  });
});
