import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useCreditKit } from "../context.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";

/**
 * The React Query options a caller may add to one of the widget's reads (`select`, `enabled`,
 * `staleTime`, `refetchInterval`, …): everything but what defines the read itself, which comes
 * from creditKitQueries. `select` changes the type of `data`.
 */
export type CreditKitQueryOptions<TQueryFnData, TData = TQueryFnData> = Omit<
  UseQueryOptions<TQueryFnData, CreditKitError, TData>,
  "queryKey" | "queryFn"
>;

/**
 * One read from the BFF: a query from creditKitQueries, the provider's retry policy, then the
 * caller's options over both. A failed read is retried only when asking again can help (never a
 * 401, 404 or 400), at most the provider's `retry` times.
 */
export function useBffQuery<TQueryFnData, TQueryKey extends QueryKey, TData = TQueryFnData>(
  query: UseQueryOptions<TQueryFnData, CreditKitError, TQueryFnData, TQueryKey>,
  options?: CreditKitQueryOptions<TQueryFnData, TData>,
): UseQueryResult<TData, CreditKitError> {
  const { retry } = useCreditKit();
  // The cast joins two views of one query: the caller's options are typed for any key (the public
  // type should not spell out our key tuples), the query's for its own key; the key is ours either way.
  return useQuery({
    retry: (failures: number, error: CreditKitError) => failures < retry && isTransientError(error),
    ...query,
    ...options,
  } as UseQueryOptions<TQueryFnData, CreditKitError, TData, TQueryKey>);
}
