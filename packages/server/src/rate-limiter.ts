import { ApiError } from "./http/api-error.ts";
import type { TopUpStore } from "./store/store-types.ts";

/**
 * Limits NEW purchases per customer (replays of an existing attempt never reach here). A fixed
 * window in the store, so several instances sharing a store share the limit.
 */
export async function assertWithinPurchaseLimit(
  store: TopUpStore,
  customerId: string,
  limit: { max: number; windowSeconds: number },
  now: () => Date,
): Promise<void> {
  const window = await store.incrementWindow(`purchases:${customerId}`, limit.windowSeconds);
  if (window.count <= limit.max) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now().getTime()) / 1000));
  throw new ApiError("rate_limited", `Too many purchases started. Please wait ${retryAfterSeconds} s and try again.`, {
    retryAfterSeconds,
  });
}
