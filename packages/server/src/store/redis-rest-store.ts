import { decodeRecord, encodeRecord } from "./purchase-record-codec.ts";
import { checkedKeyPrefix, INCREMENT_WINDOW_LUA, redisKeys, wholeSeconds } from "./redis-layout.ts";
import type { TopUpStore, WindowCount } from "./store-types.ts";

export interface RedisRestStoreOptions {
  /** The REST endpoint (Upstash: UPSTASH_REDIS_REST_URL, e.g. "https://eu1-….upstash.io"). */
  url: string;
  /** Its bearer token (Upstash: UPSTASH_REDIS_REST_TOKEN). Never logged, never in an error. */
  token: string;
  /** Prepended to every key, so several apps can share one Redis. Default `"creditkit:"`. */
  keyPrefix?: string;
  /** How long one call may take before it fails (and the route answers 503). Default 1000 ms. */
  commandTimeoutMs?: number;
  /** How the endpoint is called. Default: the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

type Command = ReadonlyArray<string | number>;
interface Reply {
  result?: unknown;
  error?: string;
}

/**
 * The TopUpStore for edge runtimes (and anywhere without a TCP Redis client): Redis over HTTPS,
 * speaking Upstash's REST protocol (a JSON array per command, `POST /multi-exec` for a
 * transaction, a bearer token), so every isolate of a worker shares one store. Only `fetch`: no
 * Node built-in, no ioredis. The keys, expiries and atomic steps are the ioredis store's
 * (redis-layout.ts), so the two can share one Redis. Every failure (refused, timed out, an error
 * reply) is thrown, and the routes that need the store answer 503 store_unavailable.
 */
export function createRedisRestStore(options: RedisRestStoreOptions): TopUpStore {
  const base = checkedUrl(options.url);
  if (typeof options.token !== "string" || options.token.length === 0) {
    throw new TypeError("createRedisRestStore: token is required");
  }
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const key = redisKeys(checkedKeyPrefix(options.keyPrefix, "createRedisRestStore"));

  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await send(`${base}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const reason = (payload as Reply | undefined)?.error;
      throw new Error(`the Redis REST endpoint answered ${response.status}${reason ? `: ${reason}` : ""}`);
    }
    return payload;
  }

  async function command(...args: Command): Promise<unknown> {
    return resultOf((await post("", args)) as Reply);
  }

  async function readPurchase(purchaseId: string) {
    const text = await command("GET", key.purchase(purchaseId));
    return text === null ? null : decodeRecord(asString(text), purchaseId);
  }

  return {
    getPurchase: readPurchase,
    async getPurchaseByInvoice(invoiceId) {
      const purchaseId = await command("GET", key.invoice(invoiceId));
      return purchaseId === null ? null : readPurchase(asString(purchaseId));
    },
    async putPurchase(record, ttlSeconds) {
      const ttl = wholeSeconds(ttlSeconds);
      const replies = await post("/multi-exec", [
        ["SET", key.purchase(record.purchaseId), encodeRecord(record), "EX", ttl],
        ["SET", key.invoice(record.invoiceId), record.purchaseId, "EX", ttl],
      ]);
      if (!Array.isArray(replies) || replies.length !== 2) throw new Error("the Redis transaction was discarded");
      for (const reply of replies) resultOf(reply as Reply);
    },
    async markOnce(k, ttlSeconds) {
      return (await command("SET", key.once(k), "1", "EX", wholeSeconds(ttlSeconds), "NX")) === "OK";
    },
    async incrementWindow(k, windowSeconds): Promise<WindowCount> {
      const windowMs = wholeSeconds(windowSeconds) * 1000;
      const reply = await command("EVAL", INCREMENT_WINDOW_LUA, 1, key.window(k), windowMs);
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error("the window script gave an unexpected reply");
      return { count: Number(reply[0]), resetAt: Date.now() + Number(reply[1]) };
    },
    async getCached(k) {
      const value = await command("GET", key.cached(k));
      return value === null ? null : asString(value);
    },
    async putCached(k, value, ttlMs) {
      await command("SET", key.cached(k), value, "PX", Math.max(1, Math.ceil(ttlMs)));
    },
  };
}

function resultOf(reply: Reply | undefined): unknown {
  if (!reply || typeof reply !== "object") throw new Error("the Redis REST endpoint gave no reply");
  if (typeof reply.error === "string") throw new Error(`Redis refused a command: ${reply.error}`);
  if (!("result" in reply)) throw new Error("the Redis REST endpoint gave a reply without a result");
  return reply.result;
}

function asString(value: unknown): string {
  if (typeof value !== "string") throw new Error("Redis held a value that is not a string");
  return value;
}

function checkedUrl(url: string): string {
  // The URL is not secret here (the token is), but a typo should be named, not echoed back.
  if (typeof url !== "string" || !/^https?:\/\/[^/]/.test(url)) {
    throw new TypeError("createRedisRestStore: url must start with https:// (or http:// for a local endpoint)");
  }
  return url.replace(/\/+$/, "");
}
