import { createPaygenticClient } from "@creditkit/paygentic";
import { createTopUpHandler, type TopUpHandler } from "@creditkit/server";
import { type CustomerDirectory, createCustomerDirectory } from "./customer-directory.ts";
import { DEMO_CATALOG } from "./demo-catalog.ts";
import { type BffEnv, type DemoDefaults, parseEnv } from "./env.ts";
import { jsonError } from "./json-response.ts";
import { readCookie, SESSION_COOKIE, verifySession } from "./session.ts";

/** Everything the app's server code shares: built once per process, on first use. */
export interface BffRuntime {
  env: BffEnv;
  directory: CustomerDirectory;
  topUp: TopUpHandler;
}

let runtime: Promise<BffRuntime> | undefined;

/**
 * Lazily, so that `next build` (which loads route modules) needs no secrets; instrumentation.ts
 * calls it at server start so that a bad environment is reported before the first request.
 */
export function getRuntime(): Promise<BffRuntime> {
  runtime ??= buildRuntime().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

async function buildRuntime(): Promise<BffRuntime> {
  const development = process.env.NODE_ENV !== "production";
  const env = parseEnv(process.env, { development, demo: await demoDefaults(development) });
  const client = createPaygenticClient({ apiKey: env.paygenticApiKey, baseUrl: env.paygenticBaseUrl });
  const directory = createCustomerDirectory(client, env, process.env);

  const topUp = createTopUpHandler({
    paygentic: { apiKey: env.paygenticApiKey, baseUrl: env.paygenticBaseUrl },
    catalog: DEMO_CATALOG,
    // The merchant's own session decides who is asking; the browser never names a customer.
    resolveCustomer: async (request) => {
      const externalId = verifySession(readCookie(request.headers.get("cookie"), SESSION_COOKIE), env.sessionSecret);
      if (!externalId) return null;
      const entry = await directory.resolve(externalId);
      return entry ? { customerId: entry.customerId, entitlementId: entry.entitlementId } : null;
    },
    publicOrigin: env.publicUrl,
    returnPath: "/",
    basePath: "/api/topup",
    paymentHosts: env.paymentHosts,
    ...(env.webhookSecret !== undefined && { webhookSecret: env.webhookSecret }),
    logger: console,
  });
  return { env, directory, topUp };
}

/** The emulator's fixed demo credentials, loaded only in development when the env lacks a key. */
async function demoDefaults(development: boolean): Promise<DemoDefaults | undefined> {
  if (!development || process.env.PAYGENTIC_API_KEY) return undefined;
  const { DEMO_API_KEY, DEMO_WEBHOOK_SECRET } = await import("@creditkit/emulator");
  return { apiKey: DEMO_API_KEY, webhookSecret: DEMO_WEBHOOK_SECRET };
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
