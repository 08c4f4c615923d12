/**
 * Exact decimal arithmetic on strings, backed by BigInt: the one implementation behind every price
 * in CreditKit (the BFF, the widget's live total, the Paygentic client and the emulator). Prices
 * travel as decimal strings ("5.00", "0.012500000"); binary floats never touch them. Deliberately
 * tiny, because the widget ships what it uses of it to the browser.
 */

/** A non-negative decimal string: digits, optionally a point and more digits. */
export const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal as an integer count of 10^-scale units. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

export function parseDecimal(value: string): Decimal {
  const match = DECIMAL_PATTERN.exec(value);
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
  if (remainder > 0n && (mode === "up" || (mode === "half-up" && remainder * 2n >= divisor))) units += 1n;
  return formatDecimal({ units, scale: digits });
}

/**
 * Multiplies a decimal price by a whole or decimal quantity (a string or a non-negative safe
 * integer), exactly. The result carries the sum of both scales.
 */
export function multiplyDecimal(price: string, quantity: string | number): string {
  if (typeof quantity === "number" && !(Number.isSafeInteger(quantity) && quantity >= 0)) {
    throw new RangeError(`quantity must be a non-negative safe integer, got ${quantity}`);
  }
  const a = parseDecimal(price);
  const b = parseDecimal(String(quantity));
  return formatDecimal({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), from Intl. */
export function currencyMinorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}
