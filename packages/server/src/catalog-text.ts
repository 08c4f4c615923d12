import type { CatalogBody, CatalogPack } from "@creditkit/contract";
import type { CatalogInput, LocalizedText, PackTextField, TranslateCatalogText } from "./config/config-types.ts";
import type { SafeLogger } from "./safe-logger.ts";

/** The pack fields that carry words for people; everything else in a pack is the same in every language. */
export const PACK_TEXT_FIELDS: readonly PackTextField[] = ["label", "badge", "description"];

/** At most this many locales' catalogs are kept built; anyone may ask for any valid tag. */
const MAX_BUILT_LOCALES = 64;

/** "de-at" → "de-AT"; null for something that is not a BCP 47 tag. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The tags to look for, most specific first: "de-AT" → ["de-AT", "de"]. */
function candidates(locale: string): string[] {
  const parts = locale.split("-");
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("-"));
}

/** The entry of a locale map for `locale` (or its language), matching keys case-insensitively. */
export function pick(map: Readonly<Record<string, string>>, locale: string): string | undefined {
  const byKey = new Map(Object.entries(map).map(([key, text]) => [key.toLowerCase(), text]));
  for (const tag of candidates(locale)) {
    const text = byKey.get(tag.toLowerCase());
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The text of the default locale: what pricing, logs and a widget without a locale see. */
export function defaultText(text: LocalizedText, defaultLocale: string): string {
  return typeof text === "string" ? text : (pick(text, defaultLocale) ?? "");
}

/**
 * The catalog in each locale the widget asks for (`GET /catalog?locale=de-DE`). For every text:
 * the locale map's entry for the locale or its language, else `translate(defaultText, …)`, else the
 * default locale's text. Only words change: ids, credits and prices are the default catalog's. Built
 * once per locale; a `translate` that throws is logged and its text falls back, never a 500.
 */
export function createCatalogLocalizer(
  input: CatalogInput,
  base: CatalogBody,
  defaultLocale: string,
  translate: TranslateCatalogText | undefined,
  logger: SafeLogger,
): (locale: string | undefined) => CatalogBody {
  const localized = input.packs.some((pack) => PACK_TEXT_FIELDS.some((field) => typeof pack[field] === "object"));
  if (!localized && !translate) return () => base;
  const built = new Map<string, CatalogBody>();
  const defaults = candidates(defaultLocale).map((t) => t.toLowerCase());

  const textFor = (text: LocalizedText, locale: string, packId: string, field: PackTextField): string => {
    const fallback = defaultText(text, defaultLocale);
    const own = typeof text === "string" ? undefined : pick(text, locale);
    if (own !== undefined) return own;
    if (!translate || defaults.includes(locale.toLowerCase())) return fallback;
    try {
      const translated = translate(fallback, { locale, packId, field });
      return typeof translated === "string" && translated.trim() !== "" ? translated : fallback;
    } catch (error) {
      logger.error("catalog.translate threw; the default text is served", {
        locale,
        packId,
        field,
        error: error instanceof Error ? error.message : String(error),
      });
      return fallback;
    }
  };

  const build = (locale: string): CatalogBody => ({
    ...base,
    packs: base.packs.map((pack, index) => {
      const source = input.packs[index] as (typeof input.packs)[number];
      const out: CatalogPack = { ...pack };
      for (const field of PACK_TEXT_FIELDS) {
        const text = source[field];
        if (text !== undefined) out[field] = textFor(text, locale, pack.id, field);
      }
      return out;
    }),
  });

  return (requested) => {
    if (requested === undefined) return base;
    const locale = canonicalLocale(requested) ?? defaultLocale;
    let catalog = built.get(locale);
    if (!catalog) {
      catalog = build(locale);
      built.set(locale, catalog);
      if (built.size > MAX_BUILT_LOCALES) built.delete(built.keys().next().value as string);
    }
    return catalog;
  };
}
