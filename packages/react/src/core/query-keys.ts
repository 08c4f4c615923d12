import type { GrantsQuery } from "./bff-client.ts";

/**
 * Query keys shared by the hooks and the server prefetch helper: if they differ, the server-rendered
 * data would not be picked up on the client. The base path is part of every key so two widgets talking
 * to two BFFs never share a cache entry.
 */
export const creditKitKeys = {
  all: (basePath: string) => ["creditkit", basePath] as const,
  catalog: (basePath: string) => ["creditkit", basePath, "catalog"] as const,
  balance: (basePath: string) => ["creditkit", basePath, "balance"] as const,
  grantsAll: (basePath: string) => ["creditkit", basePath, "grants"] as const,
  grants: (basePath: string, q: GrantsQuery) =>
    ["creditkit", basePath, "grants", { limit: q.limit, offset: q.offset, includeVoided: q.includeVoided }] as const,
  purchase: (basePath: string, purchaseId: string) => ["creditkit", basePath, "purchase", purchaseId] as const,
};

/** Defaults shared by hooks and prefetch, so hydrated data is not refetched the instant it arrives. */
export const DEFAULT_BASE_PATH = "/api/topup";
export const DEFAULT_GRANTS_PAGE_SIZE = 10;
export const CATALOG_STALE_MS = 5 * 60_000;
export const ACCOUNT_STALE_MS = 15_000;
