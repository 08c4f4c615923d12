import { useQuery } from "@tanstack/react-query";
import { useCreditKit } from "../context.ts";
import type { CreditKitError } from "../core/errors.ts";
import { CATALOG_STALE_MS, creditKitKeys } from "../core/query-keys.ts";
import type { Catalog } from "../core/types.ts";
import { retryPolicy } from "./retry-policy.ts";

/** The merchant's packs, currency and custom-amount rules (GET {basePath}/catalog). */
export function useCatalog() {
  const { basePath, client, retry } = useCreditKit();
  return useQuery<Catalog, CreditKitError>({
    queryKey: creditKitKeys.catalog(basePath),
    queryFn: ({ signal }) => client.catalog(signal),
    staleTime: CATALOG_STALE_MS,
    retry: retryPolicy(retry),
  });
}
