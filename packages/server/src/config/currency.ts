import { isCurrencyCode } from "@creditkit/paygentic/formats";

/** True when Intl can format prices in `code` (any case): the catalog's currency must be one. */
export function isKnownCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code.toUpperCase() });
    return true;
  } catch {
    return false;
  }
}

/** A three-letter ISO 4217 code that Intl knows: what the config's per-field check accepts. */
export function isCurrency(code: string): boolean {
  return isCurrencyCode(code) && isKnownCurrency(code);
}
