import { ApiError } from "./http/api-error.ts";
import type { SafeLogger } from "./safe-logger.ts";
import type { TopUpStore } from "./store/store-types.ts";

export interface ReadBudget {
  max: number;
  windowSeconds: number;
}

/**
 * How the BFF spares Paygentic on reads (issue 13: 200 GET /grants by one customer made 201
 * upstream calls on the merchant's key):
 * - `shared(key, read)`: identical reads running at once share one upstream call. The key must
 *   name the customer and the resource exactly; later callers get the first one's outcome.
 * - `charge(customerId)`: spends one unit of the customer's read budget, in the store, so every
 *   instance shares it; beyond it, 429 rate_limited with Retry-After. Only reads that go upstream
 *   are charged: joined, cached and store-served answers are free. A failing store does not stop
 *   reads (they keep working while Redis is down, as before): the budget is then not enforced.
 */
export function createUpstreamReads(store: TopUpStore, budget: ReadBudget | null, now: () => Date, logger: SafeLogger) {
  const inflight = new Map<string, Promise<unknown>>();

  return {
    shared<T>(key: string, read: () => Promise<T>): Promise<T> {
      const running = inflight.get(key);
      if (running) return running as Promise<T>;
      const promise = read();
      inflight.set(key, promise);
      const forget = () => {
        if (inflight.get(key) === promise) inflight.delete(key);
      };
      promise.then(forget, forget);
      return promise;
    },

    async charge(customerId: string): Promise<void> {
      if (!budget) return;
      let window: Awaited<ReturnType<TopUpStore["incrementWindow"]>>;
      try {
        window = await store.incrementWindow(`reads:${customerId}`, budget.windowSeconds);
      } catch (error) {
        if (error instanceof ApiError && error.code === "store_unavailable") {
          logger.warn("the read budget is not enforced while the store is unavailable", { customerId });
          return;
        }
        throw error;
      }
      if (window.count <= budget.max) return;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now().getTime()) / 1000));
      throw new ApiError("rate_limited", `Too many requests. Please wait ${retryAfterSeconds} s and try again.`, {
        retryAfterSeconds,
      });
    },
  };
}

export type UpstreamReads = ReturnType<typeof createUpstreamReads>;
