/**
 * `testPreset: true`: the settings a merchant's browser tests want from the handler, in one switch
 * (issue 17). Each is a default only: a field set explicitly in the config wins.
 * - no entitlement or purchase-status cache, so a test reads the balance it just changed (and a
 *   reset emulator's, not a 2 s old figure);
 * - a purchase budget no suite reaches (the app usually outlives the tests, and every test buys);
 * - no read budget.
 */
export const TEST_PRESET = {
  entitlementCacheMs: 0,
  purchaseStatusCacheMs: 0,
  rateLimit: { max: 10_000, windowSeconds: 60 },
  readRateLimit: null,
} as const;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/**
 * Why the test preset must not run here, or null. It is refused in production:
 * - with a live key (`sk_live_…`): real money, whatever else is true;
 * - with NODE_ENV=production, unless the handler talks to a Paygentic on this machine (the
 *   emulator on a loopback address). A merchant's Playwright run serves the production build
 *   (`next start` sets NODE_ENV=production) against the local emulator: that is a test, and a
 *   deployment never talks to Paygentic on loopback. A ready `client` cannot be told apart, so
 *   with NODE_ENV=production it is refused too.
 */
export function testPresetRefusal(paygentic: Record<string, unknown>, nodeEnv: string | undefined): string | null {
  if (typeof paygentic.apiKey === "string" && paygentic.apiKey.startsWith("sk_live_")) {
    return "is for tests: refused with a live Paygentic key (sk_live_…)";
  }
  if (nodeEnv === "production" && !isLoopbackUrl(paygentic.baseUrl)) {
    return "is for tests: refused when NODE_ENV=production unless Paygentic is the local emulator (a loopback baseUrl)";
  }
  return null;
}

/**
 * NODE_ENV as the process has it at run time. Read through globalThis so that a bundler's
 * `process.env.NODE_ENV` replacement cannot bake the build's value in, and absent on runtimes
 * without `process`.
 */
export function runtimeNodeEnv(): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.NODE_ENV;
}
