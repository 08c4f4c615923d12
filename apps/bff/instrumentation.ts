/**
 * Runs once when the server starts: validates the environment so that a missing or bad variable
 * is reported at start-up, by name (Next.js prints the error and refuses to serve), instead of on
 * the first purchase.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("./lib/runtime.ts");
  await getRuntime();
}
