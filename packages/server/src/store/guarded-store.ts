import { ApiError } from "../http/api-error.ts";
import type { SafeLogger } from "../safe-logger.ts";
import type { TopUpStore } from "./store-types.ts";

/**
 * Wraps a store so that any failure of it (Redis down, timeouts) reaches the caller as
 * 503 store_unavailable instead of a generic 500, and is logged once per failure.
 */
export function guardStore(store: TopUpStore, logger: SafeLogger): TopUpStore {
  const guard =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn.apply(store, args);
      } catch (cause) {
        logger.error("the TopUpStore failed", { operation: name, error: String(cause) });
        throw new ApiError("store_unavailable", "Purchases are temporarily unavailable. Please try again shortly.");
      }
    };
  return {
    getPurchase: guard("getPurchase", store.getPurchase),
    getPurchaseByInvoice: guard("getPurchaseByInvoice", store.getPurchaseByInvoice),
    putPurchase: guard("putPurchase", store.putPurchase),
    markOnce: guard("markOnce", store.markOnce),
    incrementWindow: guard("incrementWindow", store.incrementWindow),
    getCached: guard("getCached", store.getCached),
    putCached: guard("putCached", store.putCached),
  };
}
