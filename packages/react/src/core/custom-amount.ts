import { isBelow, priceFor } from "./decimal.ts";
import type { CustomAmountRules } from "./types.ts";

export type CustomAmountProblem = "not_a_number" | "too_low" | "too_high" | "step" | "below_min_price";

export type CustomAmountCheck =
  | { ok: true; credits: number; price: string }
  | { ok: false; problem: CustomAmountProblem; price: string | null };

/**
 * Checks a typed custom amount against the catalog's rules the same way the BFF will, so the customer
 * sees the problem before pressing Buy. The BFF re-checks everything; this is only for the live total.
 */
export function checkCustomAmount(input: string, rules: CustomAmountRules, minorDigits: number): CustomAmountCheck {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return { ok: false, problem: "not_a_number", price: null };
  const credits = Number(text);
  const price = priceFor(rules.unitPrice, credits, minorDigits);
  if (!Number.isSafeInteger(credits) || price === null) return { ok: false, problem: "not_a_number", price: null };
  if (credits < rules.minCredits) return { ok: false, problem: "too_low", price };
  if (credits > rules.maxCredits) return { ok: false, problem: "too_high", price };
  if (credits % rules.step !== 0) return { ok: false, problem: "step", price };
  if (isBelow(price, rules.minPrice)) return { ok: false, problem: "below_min_price", price };
  return { ok: true, credits, price };
}
