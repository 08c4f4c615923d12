import type { CustomAmountRules } from "./catalog.ts";
import { compareDecimal, currencyMinorDigits, multiplyDecimal, roundDecimal } from "./decimal.ts";

/**
 * The pricing rule for a custom credit count, in one place: the BFF charges it and the widget shows
 * it as the live total, so the two can never disagree by a cent.
 */

/** unitPrice × credits, rounded half-up to the currency's minor digits ("0.01" × 1234 USD → "12.34"). */
export function customAmountPrice(unitPrice: string, credits: number, currency: string): string {
  return roundDecimal(multiplyDecimal(unitPrice, credits), currencyMinorDigits(currency));
}

/** Why a credit count cannot be bought, as data: the server words it, the widget shows its own text. */
export type CustomAmountProblem =
  | { kind: "not_whole" }
  | { kind: "below_min"; minCredits: number }
  | { kind: "above_max"; maxCredits: number }
  | { kind: "off_step"; step: number }
  | { kind: "below_min_price"; price: string; minPrice: string }
  | { kind: "above_max_price"; price: string; maxPrice: string };

export type CustomAmountCheck =
  | { ok: true; credits: number; price: string }
  | { ok: false; problem: CustomAmountProblem };

/**
 * Checks a credit count against the catalog's rules and prices it. `maxPrice` is Paygentic's largest
 * purchase price: the server passes it; the widget may leave it out (the server's answer decides).
 */
export function checkCustomAmount(
  rules: CustomAmountRules,
  credits: number,
  currency: string,
  maxPrice?: string,
): CustomAmountCheck {
  const fail = (problem: CustomAmountProblem): CustomAmountCheck => ({ ok: false, problem });
  if (!Number.isSafeInteger(credits) || credits < 0) return fail({ kind: "not_whole" });
  if (credits < rules.minCredits) return fail({ kind: "below_min", minCredits: rules.minCredits });
  if (credits > rules.maxCredits) return fail({ kind: "above_max", maxCredits: rules.maxCredits });
  if (credits % rules.step !== 0) return fail({ kind: "off_step", step: rules.step });
  const price = customAmountPrice(rules.unitPrice, credits, currency);
  if (compareDecimal(price, rules.minPrice) < 0)
    return fail({ kind: "below_min_price", price, minPrice: rules.minPrice });
  if (maxPrice !== undefined && compareDecimal(price, maxPrice) > 0) {
    return fail({ kind: "above_max_price", price, maxPrice });
  }
  return { ok: true, credits, price };
}
