/**
 * The BFF's environment, validated once at start-up. Each missing or bad variable is named in ONE
 * error; no message repeats a value (two of them are secrets).
 *
 * In development, and when started by the root `pnpm dev` / `pnpm start` (which pass values
 * explicitly), missing Paygentic settings fall back to the local emulator's demo seed.
 */
import { isSecretKey, isWebhookSecret } from "@creditkit/paygentic/formats";
import { isOrigin } from "@creditkit/server";

export interface BffEnv {
  paygenticApiKey: string;
  paygenticBaseUrl: string;
  webhookSecret: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  paymentHosts: string[];
  /** True when Paygentic is the local emulator (the sign-in page lists its seeded customers). */
  emulatorMode: boolean;
  /**
   * REDIS_URL: set it when several instances serve the app, so that purchase records, webhook
   * dedupe and rate limits are shared. Unset: one instance, in-process memory.
   */
  redisUrl?: string;
  /**
   * CREDITKIT_PURCHASE_RATE_LIMIT ("max/windowSeconds"): new purchases per customer per window.
   * Unset: the handler's default, 10 per 60 s.
   */
  purchaseRateLimit?: { max: number; windowSeconds: number };
  /**
   * CREDITKIT_READ_RATE_LIMIT ("max/windowSeconds", or "off"): reads per customer per window that
   * reach Paygentic (the handler's `readRateLimit`; shared, cached and stored answers are free).
   * Unset: DEFAULT_READ_RATE_LIMIT. Null: no budget.
   */
  readRateLimit: { max: number; windowSeconds: number } | null;
  /**
   * CREDITKIT_DEMO_ADMIN_PASSWORD: turns on the demo's support console (/admin) and the BFF's admin
   * routes, behind a staff sign-in with this password (its own cookie, apart from the customer's).
   * Unset (the default, and what a production deployment of the reference app should leave it):
   * no console, no admin routes (404), no admin sign-in. At least 12 characters.
   */
  demoAdminPassword?: string;
  /**
   * CREDITKIT_TEST_PRESET=1: the handler's `testPreset` (no caches, generous purchase budget, no read
   * budget unless CREDITKIT_READ_RATE_LIMIT sets one) for browser tests. The handler refuses it with
   * a live key, or in production against anything but the local emulator. Absent when off.
   */
  testPreset?: true;
}

/**
 * The demo's read budget per customer: 120 reads that reach Paygentic per 60 s. A dashboard render
 * costs one or two, a watched purchase at most one per second (the BFF's status cache), so a
 * customer using the widget stays far below it; a script or a stuck tab hammering /grants does not
 * get to spend more than 2 calls per second on the merchant's key.
 */
export const DEFAULT_READ_RATE_LIMIT = { max: 120, windowSeconds: 60 } as const;

/** Values of the emulator's demo seed, used only in development when a variable is missing. */
export interface DemoDefaults {
  apiKey: string;
  webhookSecret?: string;
}

export const EMULATOR_URL = "http://127.0.0.1:4010";
/** Signs demo sessions in development only; production must set its own SESSION_SECRET. */
const DEV_SESSION_SECRET = "creditkit-development-session-secret-not-for-production";

export class EnvError extends Error {
  override readonly name = "EnvError";
  constructor(readonly problems: string[]) {
    super(`CreditKit BFF configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

export function parseEnv(env: Env, options: { development: boolean; demo?: DemoDefaults }): BffEnv {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === "" ? undefined : v;
  };
  const dev = options.development;

  let apiKey = value("PAYGENTIC_API_KEY");
  if (apiKey === undefined && dev) apiKey = options.demo?.apiKey;
  if (apiKey === undefined)
    problems.push("PAYGENTIC_API_KEY is missing (a Paygentic secret key, sk_test_… or sk_live_…)");
  else if (!isSecretKey(apiKey)) {
    problems.push("PAYGENTIC_API_KEY is not a Paygentic secret key (expected sk_test_… or sk_live_…)");
  }

  const baseUrl = value("PAYGENTIC_BASE_URL") ?? (dev ? EMULATOR_URL : undefined);
  if (baseUrl === undefined) problems.push("PAYGENTIC_BASE_URL is missing (e.g. https://api.paygentic.io)");
  else if (!isHttpUrl(baseUrl)) problems.push("PAYGENTIC_BASE_URL is not an http(s) URL");

  let webhookSecret = value("PAYGENTIC_WEBHOOK_SECRET");
  if (webhookSecret === undefined && dev && value("PAYGENTIC_API_KEY") === undefined) {
    webhookSecret = options.demo?.webhookSecret;
  }
  if (webhookSecret !== undefined && !isWebhookSecret(webhookSecret)) {
    problems.push("PAYGENTIC_WEBHOOK_SECRET is not a Svix signing secret (whsec_…)");
  }

  const port = value("PORT") ?? "3000";
  const publicUrl = value("CREDITKIT_PUBLIC_URL") ?? (dev ? `http://127.0.0.1:${port}` : undefined);
  if (publicUrl === undefined)
    problems.push("CREDITKIT_PUBLIC_URL is missing (the app's own origin, e.g. https://app.example.com)");
  else if (!isOrigin(publicUrl))
    problems.push("CREDITKIT_PUBLIC_URL must be an origin like https://app.example.com (no path)");

  const sessionSecret = value("SESSION_SECRET") ?? (dev ? DEV_SESSION_SECRET : undefined);
  if (sessionSecret === undefined) problems.push("SESSION_SECRET is missing (at least 32 random characters)");
  else if (sessionSecret.length < 32) problems.push("SESSION_SECRET is too short (at least 32 characters)");

  const hosts = paymentHostsFromEnv(env, dev);
  if (hosts.problem) problems.push(hosts.problem);

  const redisUrl = value("REDIS_URL");
  // The URL may carry a password: the message names the variable, never its value.
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL (e.g. redis://:password@redis.internal:6379/0)");
  }

  const rateLimitText = value("CREDITKIT_PURCHASE_RATE_LIMIT");
  const purchaseRateLimit = rateLimitText === undefined ? undefined : parseRateLimit(rateLimitText);
  if (purchaseRateLimit === null) {
    problems.push(
      "CREDITKIT_PURCHASE_RATE_LIMIT must be <purchases>/<seconds>, e.g. 10/60 (10 new purchases per customer per 60 s; at most 86400 s)",
    );
  }

  const readLimitText = value("CREDITKIT_READ_RATE_LIMIT");
  const readRateLimit = readRateLimitFrom(readLimitText);
  if (readRateLimit === "malformed") {
    problems.push(
      "CREDITKIT_READ_RATE_LIMIT must be <reads>/<seconds>, e.g. 120/60 (120 reads that reach Paygentic per customer per 60 s; at most 86400 s), or off",
    );
  }

  const demoAdminPassword = value("CREDITKIT_DEMO_ADMIN_PASSWORD");
  if (demoAdminPassword !== undefined && demoAdminPassword.length < 12) {
    problems.push("CREDITKIT_DEMO_ADMIN_PASSWORD must be at least 12 characters (or unset: no support console)");
  }
  const presetText = value("CREDITKIT_TEST_PRESET");
  const testPreset = presetText === undefined ? false : ({ "1": true, "0": false } as const)[presetText as "1" | "0"];
  if (testPreset === undefined) problems.push("CREDITKIT_TEST_PRESET must be 1 (on) or 0 (off)");
  // The preset drops the read budget; a budget set explicitly still applies.
  const presetReads = testPreset === true && readLimitText === undefined;

  if (problems.length > 0) throw new EnvError(problems);
  return {
    paygenticApiKey: apiKey!,
    paygenticBaseUrl: baseUrl!,
    webhookSecret,
    publicUrl: publicUrl!,
    sessionSecret: sessionSecret!,
    paymentHosts: hosts.hosts,
    emulatorMode: isLoopback(baseUrl!),
    ...(redisUrl !== undefined && { redisUrl }),
    ...(purchaseRateLimit && { purchaseRateLimit }),
    readRateLimit: presetReads ? null : (readRateLimit as Exclude<typeof readRateLimit, "malformed">),
    ...(demoAdminPassword !== undefined && { demoAdminPassword }),
    ...(testPreset === true && { testPreset: true }),
  };
}

/** CREDITKIT_READ_RATE_LIMIT: unset → the default; "off" → no budget; else "<reads>/<seconds>". */
function readRateLimitFrom(text: string | undefined): BffEnv["readRateLimit"] | "malformed" {
  if (text === undefined) return { ...DEFAULT_READ_RATE_LIMIT };
  if (text.toLowerCase() === "off") return null;
  return parseRateLimit(text) ?? "malformed";
}

/** "10/60" → 10 per 60 s; null unless both are positive integers and the window is at most a day. */
function parseRateLimit(text: string): { max: number; windowSeconds: number } | null {
  const match = /^(\d{1,9})\s*\/\s*(\d{1,9})$/.exec(text);
  if (!match) return null;
  const max = Number(match[1]);
  const windowSeconds = Number(match[2]);
  return max >= 1 && windowSeconds >= 1 && windowSeconds <= 86_400 ? { max, windowSeconds } : null;
}

/**
 * PAYMENT_HOSTS (comma-separated origins). In development it defaults to the Paygentic base URL's
 * origin (the emulator serves its own payment page). Separate from parseEnv because the proxy,
 * which sets the CSP, needs only this.
 */
export function paymentHostsFromEnv(env: Env, development: boolean): { hosts: string[]; problem?: string } {
  const raw = env.PAYMENT_HOSTS?.trim() || undefined;
  const base = env.PAYGENTIC_BASE_URL?.trim() || (development ? EMULATOR_URL : undefined);
  const fallback = development && base && isHttpUrl(base) ? new URL(base).origin : undefined;
  const value = raw ?? fallback;
  if (value === undefined) {
    return { hosts: [], problem: "PAYMENT_HOSTS is missing (comma-separated origins of the payment pages)" };
  }
  const hosts = value.split(/[\s,]+/).filter(Boolean);
  if (hosts.length === 0 || !hosts.every(isOrigin)) {
    return { hosts: [], problem: "PAYMENT_HOSTS must be comma-separated origins like https://checkout.paygentic.io" };
  }
  return { hosts };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}
