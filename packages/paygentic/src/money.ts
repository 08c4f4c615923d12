/**
 * Exact decimal money arithmetic on strings, backed by BigInt.
 *
 * Prices travel as decimal strings ("5.00", "0.012500000") and as integer minor units
 * (500 cents). Binary floats never touch them: every operation here scales to a BigInt,
 * works on integers, and formats back. The API is deliberately tiny: what CreditKit needs
 * to validate Paygentic's price rules, price custom amounts and convert to minor units.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal as an integer count of 10^-scale units. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

export function parseDecimal(value: string): Decimal {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`not a non-negative decimal string: ${JSON.stringify(value)}`);
  const fraction = match[2] ?? "";
  return { units: BigInt((match[1] ?? "0") + fraction), scale: fraction.length };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** -1, 0 or 1, comparing two decimal strings exactly. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = rescale(x, scale) - rescale(y, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Formats units at a scale as a plain decimal string with exactly `scale` fraction digits. */
export function formatDecimal(d: Decimal): string {
  const digits = d.units.toString().padStart(d.scale + 1, "0");
  if (d.scale === 0) return digits;
  return `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

export type RoundingMode = "half-up" | "up" | "down";

/** Rounds to `digits` fraction digits. half-up is the commercial rounding used on invoices. */
export function roundDecimal(value: string, digits: number, mode: RoundingMode = "half-up"): string {
  const d = parseDecimal(value);
  if (d.scale <= digits) return formatDecimal({ units: rescale(d, digits), scale: digits });
  const divisor = 10n ** BigInt(d.scale - digits);
  let units = d.units / divisor;
  const remainder = d.units % divisor;
  if (remainder > 0n) {
    if (mode === "up" || (mode === "half-up" && remainder * 2n >= divisor)) units += 1n;
  }
  return formatDecimal({ units, scale: digits });
}

/**
 * Multiplies a decimal price by a whole or decimal quantity (given as a string or a safe
 * integer), exactly. The result carries the sum of both scales.
 */
export function multiplyDecimal(price: string, quantity: string | number): string {
  const q = typeof quantity === "number" ? integerString(quantity) : quantity;
  const a = parseDecimal(price);
  const b = parseDecimal(q);
  return formatDecimal({ units: a.units * b.units, scale: a.scale + b.scale });
}

function integerString(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`quantity must be a non-negative safe integer, got ${n}`);
  }
  return String(n);
}

/** How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), from Intl. */
export function currencyMinorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
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
