import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { handlerConfig } from "@creditkit/test-kit/handler-client";
import { describe, expect, it } from "vitest";
import type { CatalogInput } from "../config/config-types.ts";
import { createTopUpHandler, TopUpConfigError } from "../index.ts";
import { makeHandler } from "../test-support/make-handler.ts";

const emu = await emulatorForFile();

// Issue 12: pack texts per locale, served in the widget's locale (GET /catalog?locale=…).
const BILINGUAL: CatalogInput = {
  currency: "EUR",
  packs: [
    {
      id: "starter",
      credits: 1000,
      price: "10",
      label: { en: "Starter", de: "Einstieg" },
      badge: { en: "Popular", de: "Beliebt" },
      description: { en: "For trying things out", de: "Zum Ausprobieren" },
    },
    { id: "scale", credits: 20000, price: "160", label: "Scale" },
  ],
};

const texts = (json: { packs: Array<Record<string, unknown>> }) =>
  json.packs.map(({ label, badge, description }) => ({ label, badge, description }));

describe("GET /catalog with per-locale pack texts", () => {
  it("serves the texts of the locale asked for, of its language, or of the default locale", async () => {
    const client = makeHandler(emu, { catalog: BILINGUAL });
    const german = [
      { label: "Einstieg", badge: "Beliebt", description: "Zum Ausprobieren" },
      { label: "Scale", badge: undefined, description: undefined },
    ];
    const english = [
      { label: "Starter", badge: "Popular", description: "For trying things out" },
      { label: "Scale", badge: undefined, description: undefined },
    ];
    expect(texts((await client.get("/catalog?locale=de")).json)).toEqual(german);
    expect(texts((await client.get("/catalog?locale=de-AT")).json)).toEqual(german);
    expect(texts((await client.get("/catalog?locale=DE-at")).json)).toEqual(german);
    expect(texts((await client.get("/catalog?locale=en-US")).json)).toEqual(english);
    expect(texts((await client.get("/catalog?locale=fr-FR")).json)).toEqual(english);
    expect(texts((await client.get("/catalog")).json)).toEqual(english);
    // Only words change: ids, credits and prices are the same in every locale.
    const de = (await client.get("/catalog?locale=de")).json;
    expect(de.currency).toBe("EUR");
    expect(de.packs[0]).toMatchObject({ id: "starter", credits: 1000, price: "10.00" });
  });

  it("prices a purchase the same whatever locale the catalog was read in", async () => {
    const client = makeHandler(emu, { catalog: { ...BILINGUAL, currency: "USD" } });
    const bought = await client.buy({ packId: "starter" }, "locale-buy-1");
    expect(bought.json).toMatchObject({ price: "10.00", credits: 1000 });
  });

  it("asks a translate callback for locales the maps do not have, and falls back when it has nothing", async () => {
    const asked: string[] = [];
    const { logger, lines } = captureLogger();
    const client = makeHandler(emu, {
      logger,
      catalog: {
        ...BILINGUAL,
        translate: (text, { locale, packId, field }) => {
          asked.push(`${locale} ${packId}.${field}: ${text}`);
          if (locale === "nl") throw new Error("no Dutch dictionary loaded");
          return locale === "fr" && text === "Starter" ? "Débutant" : undefined;
        },
      },
    });
    expect(texts((await client.get("/catalog?locale=fr")).json)[0]).toEqual({
      label: "Débutant",
      badge: "Popular",
      description: "For trying things out",
    });
    expect(asked).toContain("fr starter.label: Starter");
    expect(asked).toContain("fr scale.label: Scale");
    expect(asked.filter((line) => line.startsWith("de "))).toEqual([]); // the map has German
    await client.get("/catalog?locale=fr");
    expect(asked.filter((line) => line === "fr starter.label: Starter")).toHaveLength(1); // built once per locale
    expect(texts((await client.get("/catalog?locale=en")).json)[0]?.label).toBe("Starter");
    expect(asked.filter((line) => line.startsWith("en "))).toEqual([]);

    const dutch = await client.get("/catalog?locale=nl");
    expect(dutch.status).toBe(200);
    expect(texts(dutch.json)[0]?.label).toBe("Starter");
    expect(lines.some((line) => line.startsWith("error catalog.translate threw"))).toBe(true);
  });

  it("refuses a locale that is not a BCP 47 tag with 400 naming the parameter", async () => {
    const client = makeHandler(emu, { catalog: BILINGUAL });
    for (const locale of ["not a tag", "x".repeat(40), "de_DE!"]) {
      const res = await client.get(`/catalog?locale=${encodeURIComponent(locale)}`);
      expect(res.status, locale).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", field: "locale" });
    }
  });
});

describe("per-locale texts in the config", () => {
  const configError = (catalog: CatalogInput) => {
    try {
      createTopUpHandler({ ...handlerConfig(emu), catalog });
    } catch (error) {
      expect(error).toBeInstanceOf(TopUpConfigError);
      return (error as TopUpConfigError).issues;
    }
    throw new Error("the config was accepted");
  };
  const pack = { id: "p", credits: 1, price: "1" };

  it("names the field whose locale map lacks the default locale", () => {
    expect(configError({ currency: "USD", packs: [{ ...pack, label: { de: "Einstieg" } }] })).toEqual([
      { field: "catalog.packs.0.label", message: 'has no text for the default locale "en" (catalog.defaultLocale)' },
    ]);
    expect(
      configError({ currency: "USD", defaultLocale: "de", packs: [{ ...pack, label: "x", badge: { en: "Hot" } }] }),
    ).toEqual([
      { field: "catalog.packs.0.badge", message: 'has no text for the default locale "de" (catalog.defaultLocale)' },
    ]);
  });

  it("names bad locale keys, empty texts and a bad default locale", () => {
    expect(
      configError({ currency: "USD", packs: [{ ...pack, label: { en: "Starter", "not a tag": "x" } }] }),
    ).toContainEqual({ field: "catalog.packs.0.label.not a tag", message: "is not a BCP 47 locale tag" });
    expect(configError({ currency: "USD", packs: [{ ...pack, label: { en: " " } }] })).toContainEqual({
      field: "catalog.packs.0.label.en",
      message: "must not be empty",
    });
    expect(
      configError({ currency: "USD", defaultLocale: "??", packs: [{ ...pack, label: "x" }] }).map((i) => i.field),
    ).toContain("catalog.defaultLocale");
  });

  it("accepts texts by locale with another default locale", () => {
    const handler = createTopUpHandler({
      ...handlerConfig(emu),
      catalog: {
        currency: "USD",
        defaultLocale: "de-DE",
        packs: [{ ...pack, label: { de: "Einstieg", en: "Starter" } }],
      },
    });
    expect(handler).toBeTypeOf("function");
  });
});
