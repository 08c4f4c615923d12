import type { MeteredEntitlementDetail, PaygenticClient } from "@creditkit/paygentic";
import type { ResolvedCustomer } from "./config/config-types.ts";
import { ApiError } from "./http/api-error.ts";
import type { SafeLogger } from "./safe-logger.ts";
import type { UpstreamReads } from "./upstream-reads.ts";

interface CacheEntry {
  promise: Promise<MeteredEntitlementDetail>;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Reads a customer's entitlement detail (live balance) and reuses it for `ttlMs`, so one page load
 * (balance + grants + purchase) costs one entitlement call. Entries are keyed by customer AND
 * entitlement, so nothing is ever shared across customers; concurrent callers share one request;
 * failures are not cached. Every read also proves the entitlement belongs to the customer: a
 * resolveCustomer that maps to someone else's entitlement is refused, never served.
 */
export function createEntitlementCache(ttlMs: number, now: () => Date, logger: SafeLogger, reads: UpstreamReads) {
  const entries = new Map<string, CacheEntry>();
  const keyOf = (c: ResolvedCustomer) => `${c.customerId}\n${c.entitlementId}`;

  async function fetchChecked(customer: ResolvedCustomer, client: PaygenticClient): Promise<MeteredEntitlementDetail> {
    await reads.charge(customer.customerId);
    const detail = await client.entitlements.get(customer.entitlementId);
    if (detail.customerId !== customer.customerId) {
      logger.error("resolveCustomer returned an entitlement of another customer", {
        customerId: customer.customerId,
        entitlementId: customer.entitlementId,
      });
      throw new ApiError("internal_error", "Something went wrong on our side. Please try again.");
    }
    if (detail.featureType !== "metered") {
      logger.error("resolveCustomer returned an entitlement that is not metered", {
        entitlementId: customer.entitlementId,
      });
      throw new ApiError("internal_error", "Something went wrong on our side. Please try again.");
    }
    return detail;
  }

  return {
    /**
     * `client` is the asking request's (with its deadline). Callers who join a read already in
     * flight share its outcome, so they answer no later than the request that started it.
     */
    get(customer: ResolvedCustomer, client: PaygenticClient): Promise<MeteredEntitlementDetail> {
      const key = keyOf(customer);
      const t = now().getTime();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > t) return hit.promise;
      // Also shared while in flight when nothing is cached (ttlMs 0).
      const promise = reads.shared(`${key}\nentitlement`, () => fetchChecked(customer, client));
      entries.delete(key);
      if (ttlMs > 0) {
        entries.set(key, { promise, expiresAt: t + ttlMs });
        promise.catch(() => {
          if (entries.get(key)?.promise === promise) entries.delete(key);
        });
        while (entries.size > MAX_ENTRIES) {
          const oldest = entries.keys().next().value;
          if (oldest === undefined) break;
          entries.delete(oldest);
        }
      }
      return promise;
    },
    /** Forgets every cached entitlement of a customer (a purchase settled: the balance moved). */
    invalidate(customerId: string): void {
      for (const key of entries.keys()) if (key.startsWith(`${customerId}\n`)) entries.delete(key);
    },
  };
}

export type EntitlementCache = ReturnType<typeof createEntitlementCache>;
