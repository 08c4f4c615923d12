import { ACCOUNT_STALE_MS } from "../core/query-keys.ts";
import type { BalanceInfo } from "../core/types.ts";
import { useBffQuery } from "./use-bff-query.ts";

/** The signed-in customer's live credit balance (GET {basePath}/balance). */
export function useBalance() {
  return useBffQuery<BalanceInfo>(["balance"], (client, signal) => client.balance(signal), ACCOUNT_STALE_MS);
}
