import type { CatalogBody } from "@creditkit/contract";
import { useCreditKit } from "../context.ts";
import { creditKitQueries } from "../core/queries.ts";
import { type CreditKitQueryOptions, useBffQuery } from "./use-bff-query.ts";

/** The merchant's packs, currency and custom-amount rules (GET {basePath}/catalog). */
export function useCatalog<TData = CatalogBody>(options?: CreditKitQueryOptions<CatalogBody, TData>) {
  return useBffQuery(creditKitQueries.catalog(useCreditKit()), options);
}
