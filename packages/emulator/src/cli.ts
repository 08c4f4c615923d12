#!/usr/bin/env node
import { parseCliArgs, USAGE, UsageError } from "./cli-args.ts";
import { startEmulator } from "./start-emulator.ts";

/**
 * `pnpm emulator`: the emulator as a process. Prints exactly one ready line (tools wait for it)
 * followed by a summary of the seed, and stops cleanly on SIGINT/SIGTERM. The API key is not
 * printed: it is in GET /__emulator/seed and, for the demo, DEMO_API_KEY.
 */
async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`creditkit emulator: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.info(USAGE);
    return;
  }
  const emulator = await startEmulator({
    ...options,
    logger: { info: (m) => console.info(m), warn: (m) => console.warn(m) },
  });
  const seed = emulator.seedInfo();
  console.info(`CreditKit emulator ready at ${emulator.url}`);
  console.info(
    `  merchant ${seed.merchantName} (${seed.merchantId}); key and ids: GET ${emulator.url}/__emulator/seed`,
  );
  for (const c of seed.customers) {
    console.info(`  customer ${c.externalId || c.customerId}: ${c.customerId}, entitlement ${c.entitlementId}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`creditkit emulator: ${signal}, stopping`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`creditkit emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
