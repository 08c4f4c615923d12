import type { GrantsPageBody } from "@creditkit/contract";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { useCreditKit } from "../context.ts";
import { creditKitQueries } from "../core/queries.ts";
import { DEFAULT_GRANTS_PAGE_SIZE } from "../core/query-keys.ts";
import { type CreditKitQueryOptions, useBffQuery } from "./use-bff-query.ts";
import { useSelected } from "./use-selected.ts";

export interface UseGrantsOptions<TData = GrantsPageBody> extends CreditKitQueryOptions<GrantsPageBody, TData> {
  /** Grants per page (1–100). Default 10. */
  pageSize?: number;
  /** Include voided grants. Default false. */
  includeVoided?: boolean;
}

/**
 * One page of the customer's grant history, newest first, with page navigation. The page resets to
 * the first when the page size or the voided filter changes. `grants` and the page count always
 * come from the page; a `select` shapes `data`.
 */
export function useGrants<TData = GrantsPageBody>({
  pageSize = DEFAULT_GRANTS_PAGE_SIZE,
  includeVoided = false,
  select,
  ...options
}: UseGrantsOptions<TData> = {}) {
  const target = useCreditKit();
  const filter = `${pageSize}|${includeVoided}`;
  const [state, setState] = useState({ filter, page: 0 });
  // A new filter starts on the first page, and the old page is forgotten: adjusting state during
  // render (React's pattern for "reset when a prop changes") rather than deriving it, so that
  // switching back to an earlier filter does not bring back the page it was on.
  if (state.filter !== filter) setState({ filter, page: 0 });
  const page = state.filter === filter ? state.page : 0;
  const request = { limit: pageSize, offset: page * pageSize, includeVoided };

  const query = useBffQuery(creditKitQueries.grantsPage(target, request), {
    // Keep showing the previous page while the next one loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    ...options,
  });

  const pageCount = Math.max(1, Math.ceil((query.data?.pagination.total ?? 0) / pageSize));
  return {
    ...query,
    data: useSelected(query.data, select),
    grants: query.data?.grants ?? [],
    /** 0-based. */
    page,
    pageCount,
    /** Go to a 0-based page (clamped to the pages that exist). */
    setPage: (next: number) => setState({ filter, page: Math.max(0, Math.min(next, pageCount - 1)) }),
  };
}
