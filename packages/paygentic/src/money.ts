/**
 * Money as Paygentic speaks it: decimal strings ("5.00") and integer minor units (500 cents).
 * The exact decimal arithmetic itself is @creditkit/contract's (one implementation for the BFF,
 * the widget and this client); this module re-exports it and adds the minor-unit conversions.
 */
import { currencyMinorDigits, formatDecimal, parseDecimal, roundDecimal } from "@creditkit/contract";

export {
  compareDecimal,
  currencyMinorDigits,
  type Decimal,
  formatDecimal,
  isDecimalString,
  multiplyDecimal,
  parseDecimal,
  type RoundingMode,
  roundDecimal,
} from "@creditkit/contract";

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
