import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useCreditKit } from "../context.ts";
import { clearAttempt } from "../core/attempt-store.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";
import { pollDelay } from "../core/polling.ts";
import { queryKey } from "../core/query-keys.ts";
import { isFinalPurchase, type Purchase } from "../core/types.ts";
import { useBffQuery } from "./use-bff-query.ts";

/** The watch ends at a final status, or at an error polling cannot fix (not_found, unauthenticated…). */
const ended = (purchase: Purchase | undefined, error: CreditKitError | null) =>
  isFinalPurchase(purchase?.status) || (error !== null && !isTransientError(error));

/**
 * Watches one purchase until the BFF reports a final status: polls (React Query's refetchInterval,
 * the delay chosen from the time elapsed, see pollDelay) for a bounded time, then reports `timedOut`
 * and checks again when the tab regains focus (or on `checkNow`). When the purchase is paid it
 * refreshes balance and history; any final status clears the stored attempt key.
 */
export function usePurchaseStatus(purchaseId: string | null) {
  const { basePath, polling } = useCreditKit();
  const queryClient = useQueryClient();
  // [purchase, when its polling budget started]: a new purchase, or checkNow, starts a new budget.
  const [budget, setBudget] = useState(() => [purchaseId, Date.now()] as const);
  if (budget[0] !== purchaseId) setBudget([purchaseId, Date.now()]);
  const elapsed = () => Date.now() - budget[1];

  const query = useBffQuery<Purchase>(
    ["purchase", purchaseId ?? ""],
    (c, signal) => c.purchase(purchaseId ?? "", signal),
    0,
    {
      enabled: purchaseId !== null,
      // Polling is the retry; a focus refetch is handled explicitly once polling gave up.
      retry: false,
      refetchOnWindowFocus: false,
      // A payment window in front of the dashboard must not pause the watch.
      refetchIntervalInBackground: true,
      refetchInterval: ({ state }) => {
        const remaining = polling.timeoutMs - elapsed();
        // The last check lands exactly at the end of the budget; its answer re-renders as timedOut.
        return ended(state.data, state.error) || remaining <= 0
          ? false
          : Math.min(pollDelay(elapsed(), polling), remaining);
      },
    },
  );
  const status = query.data?.status;
  const final = isFinalPurchase(status);
  const stopped = ended(query.data, query.error);
  const timedOut = purchaseId !== null && !stopped && !query.isFetching && elapsed() >= polling.timeoutMs;

  const { refetch } = query;
  const checkNow = useCallback(() => {
    setBudget([purchaseId, Date.now()]);
    void refetch();
  }, [purchaseId, refetch]);

  useEffect(() => {
    if (!timedOut) return;
    // Window focus covers both coming back to this tab and closing/leaving a payment window.
    window.addEventListener("focus", checkNow);
    return () => window.removeEventListener("focus", checkNow);
  }, [timedOut, checkNow]);

  useEffect(() => {
    if (purchaseId === null || !final) return;
    clearAttempt(basePath, purchaseId);
    if (status === "paid") {
      void queryClient.invalidateQueries({ queryKey: queryKey(basePath, "balance") });
      void queryClient.invalidateQueries({ queryKey: queryKey(basePath, "grants") });
    }
  }, [purchaseId, final, status, basePath, queryClient]);

  return {
    purchaseId,
    purchase: query.data,
    isFinal: final,
    /** Polling gave up without a final status; the payment may still be processing. */
    timedOut,
    error: query.error,
    /** The error ended the watch (e.g. not_found); transient errors keep polling. */
    isStopped: stopped && !final,
    checkNow,
  };
}
