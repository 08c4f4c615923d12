/**
 * `@creditkit/server/redis`: the Redis-backed TopUpStore, for merchants who run the BFF on several
 * instances. A separate entry so that `@creditkit/server` alone never loads ioredis.
 *
 *   import { createRedisStore } from "@creditkit/server/redis";
 *   const store = createRedisStore({ url: process.env.REDIS_URL! });
 *   createTopUpHandler({ ...config, store });
 */
export {
  createRedisStore,
  FAIL_FAST_OPTIONS,
  type RedisStore,
  type RedisStoreOptions,
} from "./store/redis-store.ts";
