import { Redis, type RedisOptions } from "ioredis";
import { decodeRecord, encodeRecord } from "./purchase-record-codec.ts";
import { checkedKeyPrefix, INCREMENT_WINDOW_LUA, redisKeys, wholeSeconds } from "./redis-layout.ts";
import type { TopUpStore, WindowCount } from "./store-types.ts";

export interface RedisStoreOptions {
  /**
   * `redis://[:password@]host:port[/db]` or `rediss://…`. The store creates its own client with
   * FAIL_FAST_OPTIONS and `close()` closes it.
   */
  url?: string;
  /**
   * Or your own ioredis client (shared with the rest of your app). `close()` leaves it open.
   * Give it FAIL_FAST_OPTIONS too, or a down Redis makes purchases wait instead of failing.
   */
  client?: Redis;
  /** Prepended to every key, so several apps can share one Redis. Default `"creditkit:"`. */
  keyPrefix?: string;
  /** With `url`: how long one command may take before it fails. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** With `url`: told when the connection is lost and when it is back (once each, not per retry). */
  logger?: { warn?(message: string): void; info?(message: string): void };
}

export interface RedisStore extends TopUpStore {
  readonly client: Redis;
  /**
   * Resolves once the client is connected (at once if it is). Commands sent before that fail
   * fast, so await this at start-up if the first requests must not see 503 store_unavailable.
   */
  ready(): Promise<void>;
  /** Closes the client if the store created it (from `url`); a client you passed in stays open. */
  close(): Promise<void>;
}

/**
 * A down Redis must fail a request at once (503 store_unavailable) instead of queueing it until
 * a reconnect that may never come: no offline queue, one retry per command, short connect and
 * command timeouts. Reconnecting itself never stops (every 2 s at most), so the store recovers by
 * itself when Redis is back.
 */
export const FAIL_FAST_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout: 1000,
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000),
} satisfies RedisOptions;

type WithWindowCommand = Redis & {
  creditkitIncrementWindow(key: string, windowMs: number): Promise<[number, number]>;
};

/**
 * The TopUpStore for several BFF instances: purchase records (and their invoice index), webhook
 * dedupe marks, rate-limit windows and short-lived cached answers live in Redis, each key with an expiry so nothing grows
 * forever. Every failure (down, timeout, corrupted value) is thrown, and the handler answers
 * 503 store_unavailable for the routes that need the store.
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const { client, owned, closing } = clientOf(options);
  const key = redisKeys(checkedKeyPrefix(options.keyPrefix, "createRedisStore"));
  if (!("creditkitIncrementWindow" in client)) {
    client.defineCommand("creditkitIncrementWindow", { numberOfKeys: 1, lua: INCREMENT_WINDOW_LUA });
  }
  const redis = client as WithWindowCommand;

  async function readPurchase(purchaseId: string) {
    const text = await redis.get(key.purchase(purchaseId));
    return text === null ? null : decodeRecord(text, purchaseId);
  }

  return {
    client,
    ready: () =>
      client.status === "ready" ? Promise.resolve() : new Promise((resolve) => client.once("ready", () => resolve())),
    getPurchase: readPurchase,
    async getPurchaseByInvoice(invoiceId) {
      const purchaseId = await redis.get(key.invoice(invoiceId));
      return purchaseId === null ? null : readPurchase(purchaseId);
    },
    async putPurchase(record, ttlSeconds) {
      const ttl = wholeSeconds(ttlSeconds);
      const results = await redis
        .multi()
        .set(key.purchase(record.purchaseId), encodeRecord(record), "EX", ttl)
        .set(key.invoice(record.invoiceId), record.purchaseId, "EX", ttl)
        .exec();
      const failed = results?.find(([error]) => error !== null);
      if (results === null || failed) throw failed?.[0] ?? new Error("the Redis transaction was discarded");
    },
    async markOnce(k, ttlSeconds) {
      return (await redis.set(key.once(k), "1", "EX", wholeSeconds(ttlSeconds), "NX")) === "OK";
    },
    async incrementWindow(k, windowSeconds): Promise<WindowCount> {
      const windowMs = wholeSeconds(windowSeconds) * 1000;
      const [count, ttlMs] = await redis.creditkitIncrementWindow(key.window(k), windowMs);
      return { count: Number(count), resetAt: Date.now() + Number(ttlMs) };
    },
    async getCached(k) {
      return redis.get(key.cached(k));
    },
    async putCached(k, value, ttlMs) {
      await redis.set(key.cached(k), value, "PX", Math.max(1, Math.ceil(ttlMs)));
    },
    async close() {
      if (!owned) return;
      closing?.();
      try {
        await client.quit();
      } catch {
        client.disconnect(); // not connected: nothing to say goodbye to
      }
    },
  };
}

function clientOf(options: RedisStoreOptions): { client: Redis; owned: boolean; closing?: () => void } {
  if ((options.url === undefined) === (options.client === undefined)) {
    throw new TypeError("createRedisStore needs exactly one of url or client");
  }
  if (options.client) return { client: options.client, owned: false };
  const url = options.url!;
  if (!/^rediss?:\/\//.test(url)) {
    // The URL may carry a password: name the problem, never the value.
    throw new TypeError("createRedisStore: url must start with redis:// or rediss://");
  }
  const commandTimeout = options.commandTimeoutMs ?? FAIL_FAST_OPTIONS.commandTimeout;
  const client = new Redis(url, { ...FAIL_FAST_OPTIONS, commandTimeout });
  const watch = watchConnection(client, options.logger);
  return { client, owned: true, closing: watch.closing };
}

/**
 * One line when the connection drops and one when it is back, instead of one per retry. An
 * "error" listener is also what keeps ioredis from printing every failed reconnect itself.
 */
function watchConnection(client: Redis, logger: RedisStoreOptions["logger"]): { closing(): void } {
  let up = true;
  let closing = false;
  const lost = (reason: string) => {
    if (!up || closing) return;
    up = false;
    logger?.warn?.(`CreditKit store: Redis is unavailable (${reason}); reconnecting`);
  };
  client.on("error", (error: Error) => lost(error.message));
  client.on("close", () => lost("connection closed"));
  client.on("ready", () => {
    if (up) return;
    up = true;
    logger?.info?.("CreditKit store: Redis is available again");
  });
  return { closing: () => (closing = true) };
}
