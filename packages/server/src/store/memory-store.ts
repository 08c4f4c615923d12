import type { PurchaseRecord, TopUpStore, WindowCount } from "./store-types.ts";

export interface MemoryStoreOptions {
  /** Upper bound on entries of each kind; the oldest are dropped first. Default 100 000. */
  maxEntries?: number;
  now?: () => Date;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * The default TopUpStore: in-process maps with expiry. Fine for one instance; use a shared store
 * when several instances serve the same customers. Expired entries are swept as new ones arrive
 * and every map is capped, so memory cannot grow without bound. No timers: nothing to close.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): TopUpStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const purchases = new ExpiringMap<PurchaseRecord>(maxEntries, now);
  const invoices = new ExpiringMap<string>(maxEntries, now);
  const marks = new ExpiringMap<true>(maxEntries, now);
  const windows = new ExpiringMap<WindowCount>(maxEntries, now);
  const cached = new ExpiringMap<string>(maxEntries, now);

  return {
    async getPurchase(purchaseId) {
      const record = purchases.get(purchaseId);
      return record ? structuredClone(record) : null;
    },
    async getPurchaseByInvoice(invoiceId) {
      const purchaseId = invoices.get(invoiceId);
      const record = purchaseId === undefined ? undefined : purchases.get(purchaseId);
      return record ? structuredClone(record) : null;
    },
    async putPurchase(record, ttlSeconds) {
      purchases.set(record.purchaseId, structuredClone(record), ttlSeconds * 1000);
      invoices.set(record.invoiceId, record.purchaseId, ttlSeconds * 1000);
    },
    async markOnce(key, ttlSeconds) {
      if (marks.get(key) !== undefined) return false;
      marks.set(key, true, ttlSeconds * 1000);
      return true;
    },
    async incrementWindow(key, windowSeconds) {
      const current = windows.get(key);
      if (current) {
        current.count += 1;
        return { ...current };
      }
      const fresh = { count: 1, resetAt: now() + windowSeconds * 1000 };
      windows.set(key, fresh, windowSeconds * 1000);
      return { ...fresh };
    },
    async getCached(key) {
      return cached.get(key) ?? null;
    },
    async putCached(key, value, ttlMs) {
      cached.set(key, value, ttlMs);
    },
  };
}

/** A Map whose entries expire; insertion order doubles as age order for the cap. */
class ExpiringMap<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private writesSinceSweep = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs: number): void {
    this.entries.delete(key); // re-insert so that the order stays oldest-first
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    if (++this.writesSinceSweep >= 1000) this.sweep();
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private sweep(): void {
    this.writesSinceSweep = 0;
    const t = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= t) this.entries.delete(key);
  }
}
