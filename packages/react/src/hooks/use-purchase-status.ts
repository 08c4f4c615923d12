import { isFinalStatus, type PurchaseStatusBody } from "@creditkit/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useCreditKit } from "../context.ts";
import { clearAttempt } from "../core/attempt-store.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";
import { pollDelay } from "../core/polling.ts";
import { queryKey } from "../core/query-keys.ts";
import { useBffQuery } from "./use-bff-query.ts";

/** The watch ends at a final status, or at an error polling cannot fix (not_found, unauthenticated…). */
const ended = (purchase: PurchaseStatusBody | undefined, error: CreditKitError | null) =>
  isFinalStatus(purchase?.status) || (error !== null && !isTransientError(error));

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
  // How far into the budget the last answer came. The stop decision and `timedOut` both read this
  // stored time, never the clock twice, so they cannot disagree (the last answer rendering just
  // before the deadline while polling stops just after it left the widget waiting forever).
  const spent = (q: { dataUpdatedAt: number; errorUpdatedAt: number }) =>
    Math.max(q.dataUpdatedAt, q.errorUpdatedAt) - budget[1];

  const query = useBffQuery<PurchaseStatusBody>(
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
        const remaining = polling.timeoutMs - spent(state);
        // The last check lands at the end of the budget; its answer re-renders as timedOut.
        return ended(state.data, state.error) || remaining <= 0
          ? false
          : Math.min(pollDelay(spent(state), polling), remaining);
      },
    },
  );
  const status = query.data?.status;
  const final = isFinalStatus(status);
  const stopped = ended(query.data, query.error);
  const timedOut = purchaseId !== null && !stopped && !query.isFetching && spent(query) >= polling.timeoutMs;

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
