// @vitest-environment node
import { describe, expect, it } from "vitest";
import { checkTypedAmount } from "./custom-amount.ts";

const rules = { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01", minPrice: "0.50" };

describe("checkTypedAmount", () => {
  it("prices a valid amount exactly", () => {
    expect(checkTypedAmount("2500", rules, "USD")).toEqual({ ok: true, credits: 2500, price: "25.00" });
    expect(checkTypedAmount(" 500 ", rules, "USD")).toEqual({ ok: true, credits: 500, price: "5.00" });
  });

  it.each([
    ["", "not a number", "not_whole"],
    ["12.5", "not a whole number", "not_whole"],
    ["-100", "negative", "not_whole"],
    ["1e3", "not written as digits", "not_whole"],
    ["99999999999999999999", "not a safe integer", "not_whole"],
    ["400", "under the minimum", "below_min"],
    ["100100", "over the maximum", "above_max"],
    ["2550", "not a multiple of the step", "off_step"],
  ])("refuses %j (%s)", (input, _why, kind) => {
    expect(checkTypedAmount(input, rules, "USD")).toMatchObject({ ok: false, problem: { kind } });
  });

  it("applies the minimum price after the credit rules", () => {
    const cheap = { ...rules, minCredits: 10, step: 10, unitPrice: "0.001" };
    expect(checkTypedAmount("100", cheap, "USD")).toMatchObject({ ok: false, problem: { kind: "below_min_price" } });
    expect(checkTypedAmount("500", cheap, "USD")).toEqual({ ok: true, credits: 500, price: "0.50" });
  });
});
