/**
 * Intl-based formatting with the catalog's currency and the provider's locale. Formatters are cached
 * per (locale, options) because constructing Intl objects is the expensive part.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export interface Formatter {
  locale: string;
  /** A decimal price string ("10.00") in `currency`; passed to Intl as a string so it stays exact. */
  money(price: string, currency: string): string;
  number(value: number): string;
  date(iso: string): string;
  plural(count: number): Intl.LDMLPluralRule;
  minorDigits(currency: string): number;
}

export function createFormatter(locale: string, timeZone?: string): Formatter {
  const tz = timeZone ? { timeZone } : {};
  const currencyFormat = (currency: string) =>
    cached(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency }));
  return {
    locale,
    money: (price, currency) => currencyFormat(currency).format(price as Intl.StringNumericLiteral),
    number: (value) => cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value),
    date: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return cached(
        `d|${locale}|${timeZone}`,
        () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...tz }),
      ).format(date);
    },
    plural: (count) => cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(count),
    minorDigits: (currency) => currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2,
  };
}
