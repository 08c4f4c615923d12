import type { RecordedRequest } from "./harness.ts";

/**
 * Reads the emulator's request log for what money-moving calls happened. The emulator keys a
 * purchase's invoice on (entitlement, idempotencyKey) and records a request's body only once it
 * has processed it (faults that answer without processing leave it null), so distinct keys among
 * processed, successful purchase calls are exactly the invoices created.
 */

export const isPurchaseCall = (r: RecordedRequest) => r.method === "POST" && r.path.endsWith("/grants/purchase");

export function purchaseCalls(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter(isPurchaseCall);
}

export function invoicesCreated(requests: RecordedRequest[]): number {
  const invoices = new Set<string>();
  for (const r of purchaseCalls(requests)) {
    if (r.body === null || r.status >= 300) continue; // not processed, or refused
    invoices.add(`${r.path}\n${(r.body as { idempotencyKey?: unknown }).idempotencyKey}`);
  }
  return invoices.size;
}

/** How many times each upstream path (without query) was called. */
export function callsByPath(requests: RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.path.split("?")[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
