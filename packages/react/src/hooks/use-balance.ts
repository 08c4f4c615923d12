import type { BalanceBody } from "@creditkit/contract";
import { ACCOUNT_STALE_MS } from "../core/query-keys.ts";
import { useBffQuery } from "./use-bff-query.ts";

/** The signed-in customer's live credit balance (GET {basePath}/balance). */
export function useBalance() {
  return useBffQuery<BalanceBody>(["balance"], (client, signal) => client.balance(signal), ACCOUNT_STALE_MS);
}
