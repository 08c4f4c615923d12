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
  /** Must match the provider's locale (the catalog's pack texts are in it; part of its query key). Default "en-US". */
  locale?: string;
  /** Prefetch into this client; default a fresh one (never share one between requests). */
  queryClient?: QueryClient;
  /** Must match the widget's grantsPageSize. Default 10. */
  grantsPageSize?: number;
  /**
   * The longest the prefetch may hold the page render, in ms. What has not arrived by then is
   * cancelled and left out (the browser fetches it), exactly like a failed request. Default 5000.
   */
  deadlineMs?: number;
}

/** Default of `deadlineMs`: a page render waits at most this long for the widget's data. */
export const DEFAULT_PREFETCH_DEADLINE_MS = 5_000;

/**
 * Fetches catalog, balance and the first page of grants with the hooks' queries and returns the
 * dehydrated state. Failed requests, and those still unanswered at `deadlineMs`, are left out (the
 * browser retries them), so a BFF error or a slow BFF never breaks or holds the page render.
 */
export async function prefetchTopUp(options: PrefetchTopUpOptions): Promise<DehydratedState> {
  const basePath = options.basePath ?? DEFAULT_BASE_PATH;
  const queryClient = options.queryClient ?? new QueryClient();
  const target = { basePath, client: createBffClient(basePath, options.fetch), locale: options.locale ?? "en-US" };
  const grants = { limit: options.grantsPageSize ?? DEFAULT_GRANTS_PAGE_SIZE, offset: 0, includeVoided: false };
  const deadlineMs = options.deadlineMs ?? DEFAULT_PREFETCH_DEADLINE_MS;
  if (!(deadlineMs >= 0 && deadlineMs <= 2_147_483_647)) {
    throw new TypeError("prefetchTopUp: deadlineMs must be a number of milliseconds (0 to 2147483647)");
  }
  // The hooks' own queries (keys, requests, freshness), so the browser picks the data up as is.
  const catalog = creditKitQueries.catalog(target);
  const balance = creditKitQueries.balance(target);
  const grantsPage = creditKitQueries.grantsPage(target, grants);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  try {
    await Promise.race([
      Promise.all([
        queryClient.prefetchQuery(catalog),
        queryClient.prefetchQuery(balance),
        queryClient.prefetchQuery(grantsPage),
      ]),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
  // Whatever is still in flight is cancelled (its signal aborts the fetch) and, having no data,
  // is not dehydrated. Only these queries: an app's own QueryClient may hold others.
  await Promise.all(
    [catalog.queryKey, balance.queryKey, grantsPage.queryKey].map((queryKey) =>
      queryClient.isFetching({ queryKey, exact: true }) > 0
        ? queryClient.cancelQueries({ queryKey, exact: true })
        : undefined,
    ),
  );
  return dehydrate(queryClient);
}

export type { FetchLike } from "./core/bff-client.ts";
export { creditKitKeys } from "./core/query-keys.ts";
