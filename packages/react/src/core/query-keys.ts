import type { GrantsQuery } from "@creditkit/contract";

/**
 * Query keys shared by the hooks and the server prefetch helper: if they differ, the server-rendered
 * data would not be picked up on the client. The base path is part of every key so two widgets talking
 * to two BFFs never share a cache entry.
 */
export const creditKitKeys = {
  catalog: (basePath: string) => queryKey(basePath, "catalog"),
  balance: (basePath: string) => queryKey(basePath, "balance"),
  /** Every page of grants: what a credited purchase invalidates. */
  grantsAll: (basePath: string) => queryKey(basePath, "grants"),
  // Query keys hash objects by sorted keys, so the query object itself is a stable key part.
  grants: (basePath: string, query: GrantsQuery) => queryKey(basePath, "grants", query),
  purchase: (basePath: string, purchaseId: string) => queryKey(basePath, "purchase", purchaseId),
};

/** The one place keys are built: the hooks use it directly, so the bundle needs no key table. */
export function queryKey<const P extends unknown[]>(basePath: string, ...parts: P) {
  return ["creditkit", basePath, ...parts] as const;
}

/** Defaults shared by hooks and prefetch, so hydrated data is not refetched the instant it arrives. */
export const DEFAULT_GRANTS_PAGE_SIZE = 10;
export const CATALOG_STALE_MS = 5 * 60_000;
export const ACCOUNT_STALE_MS = 15_000;
