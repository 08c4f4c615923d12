import { type CustomAmountCheck, type CustomAmountRules, checkCustomAmount } from "@creditkit/contract";

/**
 * A custom amount as the customer typed it, checked with the contract's rule (the very one the BFF
 * prices with), so the live total and the problem are shown before Buy. Digits only: "1e3", "12.5",
 * "-1" and "" are refused here rather than read loosely by Number(). The BFF re-checks everything.
 */
export function checkTypedAmount(input: string, rules: CustomAmountRules, currency: string): CustomAmountCheck {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return { ok: false, problem: { kind: "not_whole" } };
  return checkCustomAmount(rules, Number(text), currency);
}
