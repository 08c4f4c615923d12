/**
 * The demo merchant's catalog, as every handler test configures it. Typed by shape rather than by
 * importing @creditkit/server: the server's own tests use this kit, so the kit must not depend on
 * the server (that would be a workspace cycle).
 *
 * apps/bff/lib/demo-catalog.ts holds the same packs as product code; this is the tests' one copy.
 */
export interface TestCatalog {
  currency: string;
  packs: Array<{ id: string; credits: number; price: string; label: string; badge?: string }>;
  custom?: { minCredits: number; maxCredits: number; step: number; unitPrice: string };
}

export const DEMO_CATALOG: TestCatalog = {
  currency: "USD",
  packs: [
    { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
    { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
    { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
  ],
  custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
};
