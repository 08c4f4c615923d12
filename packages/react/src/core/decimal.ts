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

function format(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, "0");
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
}

/** unitPrice × quantity rounded half-up to `digits` fraction digits, or null for malformed input. */
export function priceFor(unitPrice: string, quantity: number, digits: number): string | null {
  if (!DECIMAL.test(unitPrice) || !Number.isSafeInteger(quantity) || quantity < 0) return null;
  const scale = fractionDigits(unitPrice);
  const total = units(unitPrice, scale) * BigInt(quantity);
  if (scale <= digits) return format(total * 10n ** BigInt(digits - scale), digits);
  const divisor = 10n ** BigInt(scale - digits);
  return format(total / divisor + ((total % divisor) * 2n >= divisor ? 1n : 0n), digits);
}

/** a < b for two well-formed decimal strings, exactly. */
export function isBelow(a: string, b: string): boolean {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  return units(a, scale) < units(b, scale);
}
