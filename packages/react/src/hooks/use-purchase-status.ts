import type { PurchaseStatus, PurchaseStatusBody } from "@creditkit/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useCreditKit } from "../context.ts";
import { clearAttempt } from "../core/attempt-store.ts";
import { clock } from "../core/clock.ts";
import { type CreditKitError, isTransientError } from "../core/errors.ts";
import { decideWatch } from "../core/purchase-watch.ts";
import { creditKitQueries } from "../core/queries.ts";
import { creditKitKeys } from "../core/query-keys.ts";
import { type CreditKitQueryOptions, useBffQuery } from "./use-bff-query.ts";
import { useSelected } from "./use-selected.ts";

/**
 * React Query options for usePurchaseStatus: those the watch does not own. When to ask again is
 * the watch's (the provider's `polling`), so refetchInterval, retry and focus refetching are not here.
 */
export type UsePurchaseStatusOptions<TData = PurchaseStatusBody> = Omit<
  CreditKitQueryOptions<PurchaseStatusBody, TData>,
  "refetchInterval" | "refetchIntervalInBackground" | "refetchOnWindowFocus" | "retry"
>;

/** What the watch decides on besides the status: the last error, the answers' times, a check in flight. */
interface AnswerState {
  error: CreditKitError | null;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  fetchStatus: string;
}

/**
 * Watches one purchase until the BFF reports a final status: polls (React Query's refetchInterval,
 * each delay from decideWatch) for a bounded time, then reports `timedOut` and checks again when
 * the tab regains focus (or on `checkNow`). When the purchase is paid it refreshes balance and
 * history; any final status clears the stored attempt key. `purchase` is the BFF's body; a
 * `select` shapes `data`.
 */
export function usePurchaseStatus<TData = PurchaseStatusBody>(
  purchaseId: string | null,
  { select, ...options }: UsePurchaseStatusOptions<TData> = {},
) {
  const target = useCreditKit();
  const { basePath, polling } = target;
  const queryClient = useQueryClient();
  // [purchase, when its polling budget started]: a new purchase, or checkNow, starts a new budget.
  const [budget, setBudget] = useState(() => [purchaseId, clock.now()] as const);
  if (budget[0] !== purchaseId) setBudget([purchaseId, clock.now()]);
  // React Query stamps each answer with the clock's time (dataUpdatedAt, errorUpdatedAt); the
  // watch decides on that stored time, so polling and `timedOut` cannot disagree (69a4524).
  const decide = (status: PurchaseStatus | undefined, state: AnswerState) =>
    decideWatch(
      {
        budgetStartedAt: budget[1],
        answeredAt: Math.max(state.dataUpdatedAt, state.errorUpdatedAt),
        status,
        fatalError: state.error !== null && !isTransientError(state.error),
        checking: state.fetchStatus === "fetching",
      },
      polling,
    );

  const query = useBffQuery(creditKitQueries.purchase(target, purchaseId ?? ""), {
    ...options,
    enabled: purchaseId === null ? false : options.enabled,
    // Polling is the retry; a focus refetch is handled explicitly once polling gave up.
    retry: false,
    refetchOnWindowFocus: false,
    // A payment window in front of the dashboard must not pause the watch.
    refetchIntervalInBackground: true,
    refetchInterval: ({ state }) => {
      const next = decide(state.data?.status, state);
      return next.kind === "check" ? next.delayMs : false;
    },
  });
  const purchase = query.data;
  const status = purchase?.status;
  const decision = decide(status, query);
  const final = decision.kind === "final";
  const timedOut = purchaseId !== null && decision.kind === "timed-out";

  const { refetch } = query;
  const checkNow = useCallback(() => {
    setBudget([purchaseId, clock.now()]);
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
      void queryClient.invalidateQueries({ queryKey: creditKitKeys.balance(basePath) });
      void queryClient.invalidateQueries({ queryKey: creditKitKeys.grantsAll(basePath) });
    }
  }, [purchaseId, final, status, basePath, queryClient]);

  return {
    purchaseId,
    purchase,
    /** What `select` made of the purchase (the purchase itself without one). */
    data: useSelected(purchase, select),
    isFinal: final,
    /** Polling gave up without a final status; the payment may still be processing. */
    timedOut,
    error: query.error,
    /** The error ended the watch (e.g. not_found); transient errors keep polling. */
    isStopped: decision.kind === "stopped",
    checkNow,
  };
}
