/**
 * Exact decimal arithmetic for price checks (BigInt on minor units): the expected price of a
 * custom amount is worked out here independently of both the widget and the BFF.
 */
export function unitPriceTimes(unitPrice: string, credits: number, minorDigits: number): string {
  const [whole = "0", fraction = ""] = unitPrice.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const product = BigInt(whole + fraction) * BigInt(credits); // in units of 1/scale
  const target = 10n ** BigInt(minorDigits);
  // Round half up to the currency's minor digits.
  const minor = (product * target * 2n + scale) / (scale * 2n);
  const text = minor.toString().padStart(minorDigits + 1, "0");
  return minorDigits === 0 ? text : `${text.slice(0, -minorDigits)}.${text.slice(-minorDigits)}`;
}

/** "123" and "123.00" are the same amount. */
export function sameAmount(a: string, b: string): boolean {
  const norm = (s: string) => {
    const [w = "0", f = ""] = s.split(".");
    return `${BigInt(w)}.${f.replace(/0+$/, "")}`;
  };
  return norm(a) === norm(b);
}
