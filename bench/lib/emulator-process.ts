import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulatorControl, type EmulatorControl } from "@creditkit/emulator/control";
import { type Child, startChild, tsxArgs } from "./children.ts";

export interface EmulatorProcess {
  url: string;
  apiKey: string;
  webhookSecret: string;
  control: EmulatorControl;
  child: Child;
  customers: Array<{ customerId: string; externalId: string; entitlementId: string }>;
  stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
  /** A seed definition object (written to a temp file for the CLI); default the demo seed. */
  seed?: unknown;
  webhookUrl?: string;
  settleDelayMs?: number;
}

/**
 * The emulator in its own process, started by its CLI exactly as `pnpm start` does, so that it
 * never shares an event loop (or a core) with the load generator or the BFF.
 */
export async function startEmulatorProcess(options: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const webhookSecret = `whsec_${randomBytes(32).toString("base64")}`;
  // The secret goes through the environment, never the command line (visible to ps), as `pnpm start` does.
  const args = ["--port", "0", "--host", "127.0.0.1"];
  if (options.seed !== undefined) {
    const file = join(tmpdir(), `creditkit-bench-seed-${process.pid}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(options.seed));
    args.push("--seed", file);
  }
  if (options.webhookUrl) args.push("--webhook-url", options.webhookUrl);
  if (options.settleDelayMs) args.push("--settle-delay-ms", String(options.settleDelayMs));

  const { child, match } = await startChild(process.execPath, tsxArgs("packages/emulator/src/cli.ts", args), {
    name: "the emulator",
    env: { ...process.env, CREDITKIT_EMULATOR_WEBHOOK_SECRET: webhookSecret },
    ready: /CreditKit emulator ready at (http:\/\/\S+)/,
  });
  const url = match[1] as string;
  const control = createEmulatorControl(url);
  const seed = await control.seed();
  return {
    url,
    apiKey: seed.apiKey,
    webhookSecret,
    control,
    child,
    customers: seed.customers,
    stop: () => child.stop(),
  };
}
