import type { GrantsQuery } from "@creditkit/contract";
import { type QueryKey, queryOptions } from "@tanstack/react-query";
import type { BffClient } from "./bff-client.ts";
import type { CreditKitError } from "./errors.ts";
import { creditKitKeys } from "./query-keys.ts";

/** Which BFF a query reads: the provider's (hooks) or the one prefetchTopUp was given. */
export interface QueryTarget {
  basePath: string;
  client: BffClient;
  /** The widget's locale: the catalog's pack texts are served in it. */
  locale?: string;
}

/** Catalog rules change rarely; a fresh page load picks up a change. */
export const CATALOG_STALE_MS = 5 * 60_000;
/** Balance and grants change with purchases and usage; long enough that hydrated data is not refetched at once. */
export const ACCOUNT_STALE_MS = 15_000;

/**
 * Every read of the BFF, defined once (key, request and freshness together) for the hooks and for
 * prefetchTopUp alike: if the two differed, server-rendered data would not be picked up in the
 * browser. Retries are the caller's: the hooks retry what retrying can fix, a prefetch never does.
 */
export const creditKitQueries = {
  catalog: ({ basePath, client, locale }: QueryTarget) =>
    bffQuery(creditKitKeys.catalog(basePath, locale), (signal) => client.catalog(locale, signal), CATALOG_STALE_MS),
  balance: ({ basePath, client }: QueryTarget) =>
    bffQuery(creditKitKeys.balance(basePath), (signal) => client.balance(signal), ACCOUNT_STALE_MS),
  grantsPage: ({ basePath, client }: QueryTarget, query: GrantsQuery) =>
    bffQuery(creditKitKeys.grants(basePath, query), (signal) => client.grants(query, signal), ACCOUNT_STALE_MS),
  // Always stale: the purchase watch decides when to ask again.
  purchase: ({ basePath, client }: QueryTarget, purchaseId: string) =>
    bffQuery(creditKitKeys.purchase(basePath, purchaseId), (signal) => client.purchase(purchaseId, signal), 0),
};

/** queryOptions with the widget's error type, keeping the key's type (and the data type it tags). */
function bffQuery<T, K extends QueryKey>(queryKey: K, read: (signal: AbortSignal) => Promise<T>, staleTime: number) {
  return queryOptions<T, CreditKitError, T, K>({ queryKey, queryFn: ({ signal }) => read(signal), staleTime });
}
