import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCreditKit } from "../context.ts";
import { clearAttempt } from "../core/attempt-store.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";
import { pollDelay } from "../core/polling.ts";
import { creditKitKeys } from "../core/query-keys.ts";
import { isFinalPurchase, type Purchase } from "../core/types.ts";

/**
 * Watches one purchase until the BFF reports a final status: polls with backoff for a bounded time,
 * then reports `timedOut` and checks again when the tab regains focus (or on `checkNow`). When the
 * purchase is paid it refreshes balance and history; any final status clears the stored attempt key.
 */
export function usePurchaseStatus(purchaseId: string | null) {
  const { basePath, client, polling } = useCreditKit();
  const queryClient = useQueryClient();
  const query = useQuery<Purchase, CreditKitError>({
    queryKey: creditKitKeys.purchase(basePath, purchaseId ?? ""),
    queryFn: ({ signal }) => client.purchase(purchaseId ?? "", signal),
    enabled: purchaseId !== null,
    staleTime: 0,
    // Polling below is the retry; a focus refetch is handled explicitly once polling gave up.
    retry: false,
    refetchOnWindowFocus: false,
  });
  const status = query.data?.status;
  const final = isFinalPurchase(status);
  // Transient errors keep polling; the others (not_found, unauthenticated…) cannot be fixed by it.
  const stopped = final || (query.error !== null && !isTransientError(query.error));

  const startedAt = useRef(0);
  const attempt = useRef(0);
  const [timedOut, setTimedOut] = useState(false);
  const refetch = useRef(query.refetch);
  refetch.current = query.refetch;

  const restart = useCallback(() => {
    startedAt.current = Date.now();
    attempt.current = 0;
    setTimedOut(false);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new purchase id starts a new polling budget.
  useEffect(restart, [purchaseId]);

  const lastAnswer = Math.max(query.dataUpdatedAt, query.errorUpdatedAt);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (lastAnswer) schedules the next check.
  useEffect(() => {
    if (purchaseId === null || stopped || timedOut || query.isFetching) return;
    const remaining = polling.timeoutMs - (Date.now() - startedAt.current);
    if (remaining <= 0) {
      setTimedOut(true);
      return;
    }
    const timer = setTimeout(
      () => {
        attempt.current += 1;
        void refetch.current();
      },
      Math.min(pollDelay(attempt.current, polling), remaining),
    );
    return () => clearTimeout(timer);
  }, [purchaseId, stopped, timedOut, query.isFetching, lastAnswer, polling]);

  const checkNow = useCallback(() => {
    restart();
    void refetch.current();
  }, [restart]);

  useEffect(() => {
    if (!timedOut) return;
    // Window focus covers both coming back to this tab and closing/leaving a payment window.
    window.addEventListener("focus", checkNow);
    return () => window.removeEventListener("focus", checkNow);
  }, [timedOut, checkNow]);

  useEffect(() => {
    if (purchaseId === null || !isFinalPurchase(status)) return;
    clearAttempt(basePath, purchaseId);
    if (status === "paid") {
      void queryClient.invalidateQueries({ queryKey: creditKitKeys.balance(basePath) });
      void queryClient.invalidateQueries({ queryKey: creditKitKeys.grantsAll(basePath) });
    }
  }, [purchaseId, status, basePath, queryClient]);

  return {
    purchaseId,
    purchase: query.data,
    isFinal: final,
    /** Polling gave up without a final status; the payment may still be processing. */
    timedOut: timedOut && !final,
    error: query.error,
    /** The error ended the watch (e.g. not_found); transient errors keep polling. */
    isStopped: stopped && !final,
    checkNow,
  };
}
