/**
 * The app's runtime is built from process.env on first use and kept on globalThis (lib/runtime.ts).
 * Suites that drive the real runtime point it at their emulator with these, instead of each
 * repeating the variables, the reset of the shared runtime and the restore afterwards.
 */
const RUNTIME = Symbol.for("creditkit.bff.runtime");

/** Drops the shared runtime: the next request builds a fresh one (handler, store, budgets) from process.env. */
export function forgetRuntime(): void {
  (globalThis as Record<symbol, unknown>)[RUNTIME] = undefined;
}

/**
 * Sets the variables the runtime needs for this emulator and origin (plus `extra`; REDIS_URL only
 * when given) and forgets the runtime. Returns the restore: the previous environment, no runtime.
 */
export function pointRuntimeAt(
  emulator: { apiKey: string; url: string },
  publicUrl: string,
  extra: Record<string, string> = {},
): () => void {
  const saved = { ...process.env };
  delete process.env.REDIS_URL;
  Object.assign(process.env, {
    PAYGENTIC_API_KEY: emulator.apiKey,
    PAYGENTIC_BASE_URL: emulator.url,
    PAYMENT_HOSTS: emulator.url,
    CREDITKIT_PUBLIC_URL: publicUrl,
    SESSION_SECRET: "a-session-secret-for-the-app-runtime-tests-0123456789",
    ...extra,
  });
  forgetRuntime();
  return () => {
    process.env = saved;
    forgetRuntime();
  };
}
