import type { BalanceBody } from "@creditkit/contract";
import { useCreditKit } from "../context.ts";
import { creditKitQueries } from "../core/queries.ts";
import { type CreditKitQueryOptions, useBffQuery } from "./use-bff-query.ts";

/** The signed-in customer's live credit balance (GET {basePath}/balance). */
export function useBalance<TData = BalanceBody>(options?: CreditKitQueryOptions<BalanceBody, TData>) {
  return useBffQuery(creditKitQueries.balance(useCreditKit()), options);
}
