import { createPaygenticClient } from "@creditkit/paygentic";
import { createNodeFetch } from "@creditkit/paygentic/node";
import { createTopUpHandler, type TopUpHandler } from "@creditkit/server";
import type { RedisStore } from "@creditkit/server/redis";
import { DEMO_ADMIN_ACTOR, parseAdminSession } from "./admin-session.ts";
import { type CustomerDirectory, createCustomerDirectory } from "./customer-directory.ts";
import { DEMO_CATALOG } from "./demo-catalog.ts";
import { type BffEnv, type DemoDefaults, EMULATOR_URL, parseEnv } from "./env.ts";
import { jsonError } from "./json-response.ts";
import { parseSession, type SessionPayload, sessionCookie } from "./session.ts";
import { memoryRevocations, redisRevocations, type SessionRevocations } from "./session-revocations.ts";

/** Everything the app's server code shares: built once per process, on first use. */
export interface BffRuntime {
  env: BffEnv;
  directory: CustomerDirectory;
  topUp: TopUpHandler;
  /** Signed-out sessions (in Redis with REDIS_URL, else in memory). */
  revocations: SessionRevocations;
  /**
   * The signed-in session of a request, from its Cookie header: the ONE check the page, the API
   * (resolveCustomer) and sign-out share. Null when absent, ambiguous (two cookies), unsigned,
   * expired or signed out.
   */
  session(cookieHeader: string | null): Promise<SessionPayload | null>;
  /**
   * The signed-in STAFF session (the support console's), from its own cookie: null when the
   * console is off (no CREDITKIT_DEMO_ADMIN_PASSWORD), or the cookie is absent, unsigned, expired
   * or signed out. The /admin page and the BFF's authorizeAdmin share it.
   */
  adminSession(cookieHeader: string | null): Promise<SessionPayload | null>;
}

/**
 * Next.js may bundle this module once per route; the runtime lives on globalThis so that every
 * route of the process shares ONE handler (its purchase store, rate limits and caches).
 */
const SHARED = Symbol.for("creditkit.bff.runtime");
const shared = globalThis as { [SHARED]?: Promise<BffRuntime> | undefined };

/**
 * Lazily, so that `next build` (which loads route modules) needs no secrets; instrumentation.ts
 * calls it at server start so that a bad environment is reported before the first request.
 */
export function getRuntime(): Promise<BffRuntime> {
  shared[SHARED] ??= buildRuntime().catch((error: unknown) => {
    shared[SHARED] = undefined;
    throw error;
  });
  return shared[SHARED];
}

async function buildRuntime(): Promise<BffRuntime> {
  const development = process.env.NODE_ENV !== "production";
  const env = parseEnv(process.env, { development, demo: await demoDefaults(development) });
  // The app runs on Node (server.mjs): undici's pooled request instead of the global fetch, the
  // same behaviour at a fraction of the CPU per upstream call (issue 13, bench/results.md).
  const fetch = createNodeFetch();
  const client = createPaygenticClient({ apiKey: env.paygenticApiKey, baseUrl: env.paygenticBaseUrl, fetch });
  const directory = createCustomerDirectory(client, env, process.env);
  const store = env.redisUrl === undefined ? undefined : await redisStore(env.redisUrl);
  const revocations = store === undefined ? memoryRevocations() : redisRevocations(store.client);
  const session = async (cookieHeader: string | null): Promise<SessionPayload | null> => {
    const payload = parseSession(sessionCookie(cookieHeader), env.sessionSecret);
    if (!payload || (await revocations.isRevoked(payload.sid))) return null;
    return payload;
  };

  const adminSession = async (cookieHeader: string | null): Promise<SessionPayload | null> => {
    if (env.demoAdminPassword === undefined) return null;
    const payload = parseAdminSession(cookieHeader, env.sessionSecret);
    if (!payload || (await revocations.isRevoked(payload.sid))) return null;
    return payload;
  };

  const topUp = createTopUpHandler({
    paygentic: { apiKey: env.paygenticApiKey, baseUrl: env.paygenticBaseUrl, fetch },
    catalog: DEMO_CATALOG,
    // The merchant's own session decides who is asking; the browser never names a customer.
    resolveCustomer: async (request) => {
      const signedIn = await session(request.headers.get("cookie"));
      if (!signedIn) return null;
      const entry = await directory.resolve(signedIn.customer);
      return entry ? { customerId: entry.customerId, entitlementId: entry.entitlementId } : null;
    },
    publicOrigin: env.publicUrl,
    returnPath: "/",
    basePath: "/api/topup",
    paymentHosts: env.paymentHosts,
    ...(env.webhookSecret !== undefined && { webhookSecret: env.webhookSecret }),
    ...(store !== undefined && { store }),
    ...(env.purchaseRateLimit !== undefined && { rateLimit: env.purchaseRateLimit }),
    ...(env.readRateLimit !== null && { readRateLimit: env.readRateLimit }),
    ...(env.testPreset && { testPreset: true }),
    logger: console,
    // The support console's routes (/api/topup-admin), only with the demo's staff sign-in on. Only
    // the staff cookie counts: a customer's session never reaches them.
    ...(env.demoAdminPassword !== undefined && {
      authorizeAdmin: async (request: Request) =>
        (await adminSession(request.headers.get("cookie"))) ? { actorId: DEMO_ADMIN_ACTOR } : null,
      adminBasePath: "/api/topup-admin",
    }),
  });
  return { env, directory, topUp, revocations, session, adminSession };
}

/** How long start-up waits for Redis before serving anyway (the store reconnects by itself). */
const REDIS_READY_WAIT_MS = 3000;

/**
 * With REDIS_URL, the shared store for several instances. Imported on demand, so that a
 * single-instance deployment never loads ioredis. Start-up waits a little for the connection so
 * the first requests do not meet 503 store_unavailable, but never blocks on a Redis that is down.
 */
async function redisStore(url: string): Promise<RedisStore> {
  const { createRedisStore } = await import("@creditkit/server/redis");
  const store = createRedisStore({ url, logger: console });
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), REDIS_READY_WAIT_MS);
  });
  const outcome = await Promise.race([store.ready().then(() => "ready" as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === "timeout")
    console.warn("REDIS_URL is set but Redis does not answer yet: purchases answer 503 until it does");
  return store;
}

/**
 * In development without a key, the local emulator's demo seed: its key is read from the
 * emulator itself (GET /__emulator/seed), so the app never bundles emulator code.
 */
async function demoDefaults(development: boolean): Promise<DemoDefaults | undefined> {
  if (!development || process.env.PAYGENTIC_API_KEY) return undefined;
  const base = process.env.PAYGENTIC_BASE_URL || EMULATOR_URL;
  try {
    const res = await fetch(new URL("/__emulator/seed", base), { signal: AbortSignal.timeout(3000) });
    const seed = (await res.json()) as { apiKey?: unknown };
    return typeof seed.apiKey === "string" ? { apiKey: seed.apiKey } : undefined;
  } catch {
    console.warn(`PAYGENTIC_API_KEY is not set and no emulator answers at ${base}: start one with pnpm emulator`);
    return undefined;
  }
}

/** The top-up handler, created on first request. A bad environment answers JSON, like every error. */
export const topUpHandler: TopUpHandler = async (request) => {
  let built: BffRuntime;
  try {
    built = await getRuntime();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return jsonError(500, "internal_error", "The top-up service is not configured correctly.");
  }
  return built.topUp(request);
};
