import type { CatalogBody } from "@creditkit/contract";
import { CATALOG_STALE_MS } from "../core/query-keys.ts";
import { useBffQuery } from "./use-bff-query.ts";

/** The merchant's packs, currency and custom-amount rules (GET {basePath}/catalog). */
export function useCatalog() {
  return useBffQuery<CatalogBody>(["catalog"], (client, signal) => client.catalog(signal), CATALOG_STALE_MS);
}
