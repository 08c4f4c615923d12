import type { GrantsQuery } from "@creditkit/contract";

/** Everything read from the BFF at `basePath`: two widgets talking to two BFFs never share an entry. */
const all = (basePath: string) => ["creditkit", basePath] as const;

/**
 * The query keys of everything the widget reads; creditKitQueries (queries.ts) uses them for the
 * hooks and the server prefetch alike.
 */
export const creditKitKeys = {
  all,
  /** Per locale: the pack texts are in it. */
  catalog: (basePath: string, locale?: string) => [...all(basePath), "catalog", locale ?? null] as const,
  balance: (basePath: string) => [...all(basePath), "balance"] as const,
  /** Every page of grants: what a credited purchase invalidates. */
  grantsAll: (basePath: string) => [...all(basePath), "grants"] as const,
  // Query keys hash objects by sorted keys, so the query object itself is a stable key part.
  grants: (basePath: string, query: GrantsQuery) => [...all(basePath), "grants", query] as const,
  purchase: (basePath: string, purchaseId: string) => [...all(basePath), "purchase", purchaseId] as const,
};

/** Grants per page when neither the widget nor the prefetch is told otherwise. */
export const DEFAULT_GRANTS_PAGE_SIZE = 10;
