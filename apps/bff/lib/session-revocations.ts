import type { Redis } from "ioredis";

/**
 * Signed-out sessions, by session id, until their cookie would have expired anyway: a session id
 * found here is no session, whatever its signature says. In the app's store: in process memory by
 * default, in Redis (the handler's own connection) when REDIS_URL is set, so that signing out on one
 * instance signs out on all.
 */
export interface SessionRevocations {
  /** Revokes `sid` until `expEpochSeconds` (the cookie's own expiry). Throws when the store is down. */
  revoke(sid: string, expEpochSeconds: number): Promise<void>;
  /**
   * Whether `sid` was revoked. A Redis that does not answer counts as "not revoked" (logged): purchases
   * need the store and answer 503 then anyway, and reads keep working (see docs/SECURITY.md, Known limits).
   */
  isRevoked(sid: string): Promise<boolean>;
}

/** In process memory; at most `maxEntries` (the oldest dropped first), expired ones pruned on the way. */
export function memoryRevocations(maxEntries = 100_000, now: () => number = Date.now): SessionRevocations {
  const until = new Map<string, number>();
  return {
    async revoke(sid, expEpochSeconds) {
      until.delete(sid);
      until.set(sid, expEpochSeconds * 1000);
      for (const [key, at] of until) {
        if (until.size <= maxEntries && at > now()) break;
        until.delete(key);
      }
    },
    async isRevoked(sid) {
      const at = until.get(sid);
      if (at === undefined) return false;
      if (at <= now()) {
        until.delete(sid);
        return false; // the cookie itself has expired by now
      }
      return true;
    },
  };
}

const KEY_PREFIX = "creditkit:bff:revoked-session:";

/** In Redis: one key per revoked session, expiring with the cookie. */
export function redisRevocations(
  client: Redis,
  logger: { warn(message: string): void } = console,
  now: () => number = Date.now,
): SessionRevocations {
  return {
    async revoke(sid, expEpochSeconds) {
      const ttl = Math.max(1, Math.ceil(expEpochSeconds - now() / 1000));
      await client.set(KEY_PREFIX + sid, "1", "EX", ttl);
    },
    async isRevoked(sid) {
      try {
        return (await client.exists(KEY_PREFIX + sid)) === 1;
      } catch {
        logger.warn("session revocations: Redis does not answer; sessions are not checked for sign-out until it does");
        return false;
      }
    },
  };
}
