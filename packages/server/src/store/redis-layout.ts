/**
 * How CreditKit lays its data out in Redis, shared by the ioredis store and the REST store so both
 * can use one Redis: the keys, the atomic window script and the expiry rounding.
 */

export function redisKeys(prefix: string) {
  return {
    purchase: (id: string) => `${prefix}purchase:${id}`,
    invoice: (id: string) => `${prefix}invoice:${id}`,
    once: (k: string) => `${prefix}once:${k}`,
    window: (k: string) => `${prefix}window:${k}`,
    cached: (k: string) => `${prefix}cached:${k}`,
  };
}

/** The key prefix, default `"creditkit:"`; `store` names the function in the error. */
export function checkedKeyPrefix(prefix: string | undefined, store: string): string {
  const value = prefix ?? "creditkit:";
  if (typeof value !== "string" || value.length > 100) {
    throw new TypeError(`${store}: keyPrefix must be a string of at most 100 characters`);
  }
  return value;
}

/**
 * INCR + PEXPIRE NX in one atomic step, returning the count and the window's remaining time. A
 * key without an expiry (there should be none) gets one here, so no counter can live forever.
 */
export const INCREMENT_WINDOW_LUA = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** Redis expiries are whole seconds, at least one (EX 0 is an error, not "already expired"). */
export function wholeSeconds(seconds: number): number {
  return Math.max(1, Math.ceil(seconds));
}
