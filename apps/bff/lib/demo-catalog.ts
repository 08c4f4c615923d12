import type { CatalogInput } from "@creditkit/server";

/** The demo merchant's credit catalog. Prices live here, on the server, and nowhere else. */
export const DEMO_CATALOG: CatalogInput = {
  currency: "USD",
  packs: [
    // Texts per locale: the widget asks for the catalog in its locale (`/?lang=de` shows German).
    { id: "starter", credits: 1000, price: "10.00", label: { en: "Starter", de: "Einstieg" } },
    {
      id: "growth",
      credits: 5000,
      price: "45.00",
      label: { en: "Growth", de: "Wachstum" },
      badge: { en: "Save 10%", de: "10 % gespart" },
    },
    {
      id: "scale",
      credits: 20000,
      price: "160.00",
      label: { en: "Scale", de: "Skalierung" },
      badge: { en: "Best value", de: "Bester Preis" },
    },
  ],
  custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
};
