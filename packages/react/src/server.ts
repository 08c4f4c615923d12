/**
 * @creditkit/react/server — for server components (no "use client"): prefetch what the widget shows
 * into a QueryClient so the server HTML already contains it, then hand the dehydrated state to
 * `<CreditKitProvider dehydratedState={…}>` (or your own `<HydrationBoundary>`).
 */
import { DEFAULT_BASE_PATH } from "@creditkit/contract";
import { type DehydratedState, dehydrate, QueryClient } from "@tanstack/react-query";
import { createBffClient, type FetchLike } from "./core/bff-client.ts";
import { creditKitQueries } from "./core/queries.ts";
import { DEFAULT_GRANTS_PAGE_SIZE } from "./core/query-keys.ts";

export interface PrefetchTopUpOptions {
  /**
   * Calls the BFF for one request: typically `(path, init) => handler(new Request(new URL(path, origin),
   * { ...init, headers: { ...init?.headers, cookie } }))` with the handler from @creditkit/server, or a
   * fetch of your own BFF's absolute URL that forwards the customer's cookies.
   */
  fetch: FetchLike;
  /** Must match the provider's basePath (it is part of the query keys). Default "/api/topup". */
  basePath?: string;
  /** Prefetch into this client; default a fresh one (never share one between requests). */
  queryClient?: QueryClient;
  /** Must match the widget's grantsPageSize. Default 10. */
  grantsPageSize?: number;
}

/**
 * Fetches catalog, balance and the first page of grants with the hooks' queries and returns the
 * dehydrated state. Failed requests are left out (the browser retries them), so a BFF error never
 * breaks the page render.
 */
export async function prefetchTopUp(options: PrefetchTopUpOptions): Promise<DehydratedState> {
  const basePath = options.basePath ?? DEFAULT_BASE_PATH;
  const queryClient = options.queryClient ?? new QueryClient();
  const target = { basePath, client: createBffClient(basePath, options.fetch) };
  const grants = { limit: options.grantsPageSize ?? DEFAULT_GRANTS_PAGE_SIZE, offset: 0, includeVoided: false };
  // The hooks' own queries (keys, requests, freshness), so the browser picks the data up as is.
  await Promise.all([
    queryClient.prefetchQuery(creditKitQueries.catalog(target)),
    queryClient.prefetchQuery(creditKitQueries.balance(target)),
    queryClient.prefetchQuery(creditKitQueries.grantsPage(target, grants)),
  ]);
  return dehydrate(queryClient);
}

export type { FetchLike } from "./core/bff-client.ts";
export { creditKitKeys } from "./core/query-keys.ts";
