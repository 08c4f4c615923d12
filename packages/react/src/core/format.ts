/**
 * Intl-based formatting with the catalog's currency and the provider's locale. Intl objects are
 * cached per locale and options because constructing them is the expensive part.
 */
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency?: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let value = cache.get(key);
  if (!value) {
    value = new Intl.NumberFormat(locale, currency ? { style: "currency", currency } : {});
    cache.set(key, value);
  }
  return value;
}

export interface Formatter {
  /** A decimal price string ("10.00") in `currency`; passed to Intl as a string so it stays exact. */
  money(price: string, currency: string): string;
  number(value: number): string;
  date(iso: string): string;
  plural(count: number): Intl.LDMLPluralRule;
}

export function createFormatter(locale: string, timeZone?: string): Formatter {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const plurals = new Intl.PluralRules(locale);
  return {
    money: (price, currency) => numberFormat(locale, currency).format(price as Intl.StringNumericLiteral),
    number: (value) => numberFormat(locale).format(value),
    date: (iso) => dates.format(new Date(iso)),
    plural: (count) => plurals.select(count),
  };
}
