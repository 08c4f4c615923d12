/**
 * Just enough exact decimal arithmetic for the live total of a custom amount: unitPrice × credits,
 * rounded half-up to the currency's minor digits, compared with minPrice. BigInt only; a binary float
 * never touches a price. (The BFF has its own copy in @creditkit/paygentic; the widget must not import
 * it, and the server's answer is what the customer is charged.)
 */
const DECIMAL = /^\d+(\.\d+)?$/;

const fractionDigits = (value: string) => value.split(".")[1]?.length ?? 0;

/** "12.5" at scale 3 → 12500n. */
function units(value: string, scale: number): bigint {
  const [whole = "0", fraction = ""] = value.split(".");
  return BigInt(whole + fraction.padEnd(scale, "0"));
}

/** unitPrice × quantity rounded half-up to `digits` fraction digits, or null for malformed input. */
export function priceFor(unitPrice: string, quantity: number, digits: number): string | null {
  if (!DECIMAL.test(unitPrice) || !Number.isSafeInteger(quantity) || quantity < 0) return null;
  const scale = fractionDigits(unitPrice);
  const total = units(unitPrice, scale) * BigInt(quantity);
  const shift = 10n ** BigInt(Math.abs(scale - digits));
  // Half-up is floor(total / shift + ½) = (2·total + shift) / (2·shift) in integers.
  const minor = scale > digits ? (2n * total + shift) / (2n * shift) : total * shift;
  const text = String(minor).padStart(digits + 1, "0");
  return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
}

/** a < b for two well-formed decimal strings, exactly. */
export function isBelow(a: string, b: string): boolean {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  return units(a, scale) < units(b, scale);
}
