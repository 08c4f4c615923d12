import { DEFAULT_PURCHASE_STATUS_CACHE_MS } from "../routes/get-purchase-route.ts";

/**
 * Waits until a purchase status answered from Paygentic is no longer reused (it is shared for
 * DEFAULT_PURCHASE_STATUS_CACHE_MS), so the next poll reads the invoice again: what a test needs after it
 * changed the purchase at the emulator (paid it) between two polls.
 */
export function pastStatusCache(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DEFAULT_PURCHASE_STATUS_CACHE_MS + 50));
}
