/**
 * Money as Paygentic speaks it: decimal strings ("5.00") and integer minor units (500 cents).
 * The exact decimal arithmetic itself (compareDecimal, roundDecimal, currencyMinorDigits, …) is
 * @creditkit/contract's, one implementation for the BFF, the widget, this client and the emulator;
 * import it from there. This module adds what is Paygentic's own: its price format and minor units.
 */
import { currencyMinorDigits, formatDecimal, isDecimalString, parseDecimal, roundDecimal } from "@creditkit/contract";

/** The most fraction digits Paygentic accepts in a price. */
export const MAX_PRICE_FRACTION_DIGITS = 9;

/** A decimal string Paygentic takes as a price: non-negative, at most 9 fraction digits ("0.012500000"). */
export function isPriceString(value: string): boolean {
  return isDecimalString(value) && parseDecimal(value).scale <= MAX_PRICE_FRACTION_DIGITS;
}

/** A decimal string that may be negative, as Paygentic's invoice totals are after a credit note. */
export function isSignedDecimalString(value: string): boolean {
  return isDecimalString(value.startsWith("-") ? value.slice(1) : value);
}

/** "5.00" USD → 500. Sub-minor-unit fractions round half-up. */
export function toMinorUnits(price: string, currency: string): number {
  const digits = currencyMinorDigits(currency);
  const rounded = parseDecimal(roundDecimal(price, digits));
  const n = Number(rounded.units);
  if (!Number.isSafeInteger(n)) throw new RangeError(`price ${price} is too large for minor units`);
  return n;
}

/** 500 USD → "5.00". */
export function fromMinorUnits(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new RangeError(`minor units must be a non-negative safe integer, got ${minor}`);
  }
  return formatDecimal({ units: BigInt(minor), scale: currencyMinorDigits(currency) });
}
