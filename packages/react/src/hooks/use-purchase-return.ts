import { useCallback, useEffect, useState } from "react";
import { cleanReturnParams, type ReturnParams, readReturnParams } from "../core/return-params.ts";
import { usePurchaseStatus } from "./use-purchase-status.ts";

/**
 * The purchase the customer just came back from: reads `ck_purchase` / `ck_result` from the URL after
 * mount (never during render), watches that purchase until it is final, then removes both parameters
 * from the URL (keeping every other parameter and the hash).
 */
export function usePurchaseReturn() {
  const [params, setParams] = useState<ReturnParams | null>(null);

  useEffect(() => {
    setParams(readReturnParams(window.location.search));
  }, []);

  const watch = usePurchaseStatus(params?.purchaseId ?? null);

  useEffect(() => {
    // Kept while pending so a reload still finds the purchase; removed once the outcome is known.
    if (params && (watch.isFinal || watch.isStopped)) cleanReturnParams();
  }, [params, watch.isFinal, watch.isStopped]);

  const dismiss = useCallback(() => {
    cleanReturnParams();
    setParams(null);
  }, []);

  return { ...watch, result: params?.result ?? null, dismiss };
}
