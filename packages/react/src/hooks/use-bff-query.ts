import { type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { useCreditKit } from "../context.ts";
import type { BffClient } from "../core/bff-client.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";
import { queryKey } from "../core/query-keys.ts";

/**
 * One read from the BFF, under the provider's base path (see creditKitKeys for the keys). A failed
 * read is retried only when asking again can help (never a 401, 404 or 400), at most `retry` times.
 */
export function useBffQuery<T>(
  parts: unknown[],
  read: (client: BffClient, signal: AbortSignal) => Promise<T>,
  staleTime: number,
  more?: Partial<UseQueryOptions<T, CreditKitError, T, QueryKey>>,
) {
  const { basePath, client, retry } = useCreditKit();
  return useQuery<T, CreditKitError, T, QueryKey>({
    queryKey: queryKey(basePath, ...parts),
    queryFn: ({ signal }) => read(client, signal),
    staleTime,
    retry: (failures, error) => failures < retry && isTransientError(error),
    ...more,
  });
}
