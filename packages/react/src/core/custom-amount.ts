import { isBelow, priceFor } from "./decimal.ts";
import type { CustomAmountRules } from "./types.ts";

/**
 * A typed custom amount, checked: valid (credits and exact price), or not. The picker shows the
 * rule as its hint either way; only a price under the minimum needs words of its own.
 */
export type CustomAmountCheck = { ok: true; credits: number; price: string } | { ok: false; belowMinPrice?: true };

/**
 * Checks a typed custom amount against the catalog's rules the same way the BFF will, so the customer
 * sees the problem before pressing Buy. The BFF re-checks everything; this is only for the live total.
 */
export function checkCustomAmount(input: string, rules: CustomAmountRules, minorDigits: number): CustomAmountCheck {
  const text = input.trim();
  const credits = Number(text);
  // priceFor refuses what is not a safe integer; the pattern refuses "1e3", "12.5", "-1" and "".
  const price = /^\d+$/.test(text) ? priceFor(rules.unitPrice, credits, minorDigits) : null;
  if (price === null || credits < rules.minCredits || credits > rules.maxCredits || credits % rules.step) {
    return { ok: false };
  }
  return isBelow(price, rules.minPrice) ? { ok: false, belowMinPrice: true } : { ok: true, credits, price };
}
