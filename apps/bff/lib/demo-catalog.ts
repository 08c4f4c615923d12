import type { CatalogInput } from "@creditkit/server";

/** The demo merchant's credit catalog. Prices live here, on the server, and nowhere else. */
export const DEMO_CATALOG: CatalogInput = {
  currency: "USD",
  packs: [
    { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
    { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
    { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
  ],
  custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
};
