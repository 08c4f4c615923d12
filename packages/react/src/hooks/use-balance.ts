import { useQuery } from "@tanstack/react-query";
import { useCreditKit } from "../context.ts";
import type { CreditKitError } from "../core/errors.ts";
import { ACCOUNT_STALE_MS, creditKitKeys } from "../core/query-keys.ts";
import type { BalanceInfo } from "../core/types.ts";
import { retryPolicy } from "./retry-policy.ts";

/** The signed-in customer's live credit balance (GET {basePath}/balance). */
export function useBalance() {
  const { basePath, client, retry } = useCreditKit();
  return useQuery<BalanceInfo, CreditKitError>({
    queryKey: creditKitKeys.balance(basePath),
    queryFn: ({ signal }) => client.balance(signal),
    staleTime: ACCOUNT_STALE_MS,
    retry: retryPolicy(retry),
  });
}
