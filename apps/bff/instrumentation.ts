/**
 * Runs once when the server starts: validates the environment so that a missing or bad variable
 * is reported at start-up, by name, instead of on the first purchase.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("./lib/runtime.ts");
  try {
    await getRuntime();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
