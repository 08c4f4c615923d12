/**
 * Just enough exact decimal arithmetic for the live total of a custom amount: unitPrice × credits,
 * rounded half-up to the currency's minor digits, compared with minPrice. BigInt only; a binary float
 * never touches a price. (The BFF has its own copy in @creditkit/paygentic; the widget must not import
 * it, and the server's answer is what the customer is charged.)
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

interface Decimal {
  units: bigint;
  scale: number;
}

function parse(value: string): Decimal | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const fraction = match[2] ?? "";
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

function format(d: Decimal): string {
  const digits = d.units.toString().padStart(d.scale + 1, "0");
  return d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** unitPrice × quantity rounded half-up to `digits` fraction digits, or null for a malformed price. */
export function priceFor(unitPrice: string, quantity: number, digits: number): string | null {
  const price = parse(unitPrice);
  if (!price || !Number.isSafeInteger(quantity) || quantity < 0) return null;
  const units = price.units * BigInt(quantity);
  if (price.scale <= digits) return format({ units: units * pow10(digits - price.scale), scale: digits });
  const divisor = pow10(price.scale - digits);
  const rounded = units / divisor + ((units % divisor) * 2n >= divisor ? 1n : 0n);
  return format({ units: rounded, scale: digits });
}

/** -1, 0 or 1; malformed input compares as 0 so callers never block on it (the BFF decides). */
export function compareDecimal(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return 0;
  const scale = Math.max(x.scale, y.scale);
  const diff = x.units * pow10(scale - x.scale) - y.units * pow10(scale - y.scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
