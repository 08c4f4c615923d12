import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./free-port.ts";
import { spawnServer, untilAnswering } from "./server-process.ts";

/**
 * apps/bff's production server (`server.mjs`: Next's request handler behind the app's own node:http
 * server, what `pnpm start` runs) on its production build, wired to a Paygentic (the emulator, or a relay in
 * front of it) the way the root `pnpm start` wires it: production mode, 127.0.0.1, a fresh session
 * secret, one instance with in-process memory. The one app starter of the e2e suite, the benchmarks
 * and apps/bff's own full-server test, with ONE readiness rule (see `untilAnswering`).
 */

export const BFF_DIR = join(import.meta.dirname, "..", "..", "..", "apps", "bff");

/** Whether apps/bff has a production build at all (`pnpm build`). */
export function hasProductionBuild(): boolean {
  return existsSync(join(BFF_DIR, ".next", "BUILD_ID"));
}

export interface BuiltAppOptions {
  /** Default: a free port. */
  port?: number;
  /** PAYGENTIC_BASE_URL: the emulator, or a relay in front of it. */
  paygenticUrl: string;
  apiKey: string;
  /** PAYMENT_HOSTS; default the origin of `paygenticUrl`. */
  paymentHosts?: string[];
  /** Without it the app has no webhook route: purchases settle by polling only. */
  webhookSecret?: string;
  /** Default: a fresh random one per start. */
  sessionSecret?: string;
  /** CREDITKIT_PURCHASE_RATE_LIMIT ("max/windowSeconds"); default the app's own (10 per 60 s). */
  purchaseRateLimit?: string;
  /**
   * CREDITKIT_READ_RATE_LIMIT ("max/windowSeconds" or "off"); default GENEROUS_READ_RATE_LIMIT, so
   * suites and benchmarks that read as one customer thousands of times are never refused. `null`:
   * unset, the app's own default (120 per 60 s).
   */
  readRateLimit?: string | null;
  /** CREDITKIT_DEMO_ADMIN_PASSWORD: turns the support console (/admin) on; default off. */
  demoAdminPassword?: string;
  /** How long the app may take to answer; default 30 s. */
  timeoutMs?: number;
  /** The server's CREDITKIT_REQUEST_TIMEOUT_MS / CREDITKIT_HEADERS_TIMEOUT_MS; default the app's own. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Flags for node before server.mjs, e.g. `--cpu-prof` (bench/cpu-profile.ts); NODE_OPTIONS refuses that one. */
  nodeArgs?: string[];
}

export interface BuiltApp {
  url: string;
  port: number;
  /** The server's own pid (node runs server.mjs directly, no shim in between). */
  pid: number;
  /** The session secret it signs with, to be watched for leaks like the Paygentic key. */
  sessionSecret: string;
  /** Everything the app printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The read budget the suites and benchmarks start the app with: far beyond what one customer reads
 * in a minute there (the overhead benchmark reads /grants as one customer ~1,000 times a second).
 */
export const GENEROUS_READ_RATE_LIMIT = "1000000/60";

/** Variables the app reads: the parent's values never leak into the app under test. */
const APP_VARIABLES = [
  "PORT",
  "PAYGENTIC_API_KEY",
  "PAYGENTIC_BASE_URL",
  "PAYGENTIC_WEBHOOK_SECRET",
  "CREDITKIT_PUBLIC_URL",
  "CREDITKIT_PURCHASE_RATE_LIMIT",
  "CREDITKIT_READ_RATE_LIMIT",
  "PAYMENT_HOSTS",
  "SESSION_SECRET",
  "REDIS_URL",
  "CREDITKIT_REQUEST_TIMEOUT_MS",
  "CREDITKIT_HEADERS_TIMEOUT_MS",
  "CREDITKIT_KEEP_ALIVE_TIMEOUT_MS",
  "CREDITKIT_DEMO_ADMIN_PASSWORD",
];

export async function startBuiltApp(options: BuiltAppOptions): Promise<BuiltApp> {
  if (!hasProductionBuild()) throw new Error("apps/bff has no production build: run pnpm build first (npm test does)");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const sessionSecret = options.sessionSecret ?? randomBytes(32).toString("hex");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of APP_VARIABLES) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    PAYGENTIC_API_KEY: options.apiKey,
    PAYGENTIC_BASE_URL: options.paygenticUrl,
    CREDITKIT_PUBLIC_URL: url,
    PAYMENT_HOSTS: (options.paymentHosts ?? [new URL(options.paygenticUrl).origin]).join(","),
    SESSION_SECRET: sessionSecret,
    ...(options.webhookSecret !== undefined && { PAYGENTIC_WEBHOOK_SECRET: options.webhookSecret }),
    ...(options.purchaseRateLimit !== undefined && { CREDITKIT_PURCHASE_RATE_LIMIT: options.purchaseRateLimit }),
    ...(options.readRateLimit !== null && {
      CREDITKIT_READ_RATE_LIMIT: options.readRateLimit ?? GENEROUS_READ_RATE_LIMIT,
    }),
    ...(options.demoAdminPassword !== undefined && { CREDITKIT_DEMO_ADMIN_PASSWORD: options.demoAdminPassword }),
    ...(options.requestTimeoutMs !== undefined && { CREDITKIT_REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs) }),
    ...(options.headersTimeoutMs !== undefined && { CREDITKIT_HEADERS_TIMEOUT_MS: String(options.headersTimeoutMs) }),
  });

  const args = [...(options.nodeArgs ?? []), join(BFF_DIR, "server.mjs"), "-H", "127.0.0.1", "-p", String(port)];
  const server = spawnServer(process.execPath, args, {
    cwd: BFF_DIR,
    env,
  });
  try {
    await untilAnswering(`${url}/signin`, server, options.timeoutMs ?? 30_000, "the app's server");
  } catch (error) {
    server.child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    port,
    pid: server.child.pid as number,
    sessionSecret,
    output: server.output,
    stop: server.stop,
  };
}

/**
 * Signs a demo customer in to a running app the way the sign-in page does (same-origin JSON POST)
 * and returns the Cookie header value of their session.
 */
export async function signIn(appUrl: string, externalId: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/demo/session`, {
    method: "POST",
    headers: { origin: appUrl, "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ customer: externalId }),
  });
  const text = await res.text();
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`signing in ${externalId} answered ${res.status}: ${text}`);
  return cookie;
}
