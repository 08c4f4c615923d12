import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";

const BFF = join(import.meta.dirname, "..", "..", "apps", "bff");

export interface RunningApp {
  url: string;
  /** Everything the app printed, to check that no secret reaches a log line. */
  output(): string;
  /** The app's SESSION_SECRET (generated per run), watched for leaks like the Paygentic key. */
  sessionSecret: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  port: number;
  emulatorUrl: string;
  apiKey: string;
  webhookSecret: string;
}

/**
 * `next start` of the production build in apps/bff, wired to an emulator exactly as the root
 * `pnpm start` wires it, on 127.0.0.1. Resolves once the app answers.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  if (!existsSync(join(BFF, ".next", "BUILD_ID"))) {
    throw new Error("apps/bff has no production build: run pnpm build first (npm test does)");
  }
  const url = `http://127.0.0.1:${options.port}`;
  const sessionSecret = randomBytes(32).toString("hex");
  const child: ChildProcess = spawn(
    join(BFF, "node_modules", ".bin", "next"),
    ["start", "-H", "127.0.0.1", "-p", String(options.port)],
    {
      cwd: BFF,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(options.port),
        PAYGENTIC_API_KEY: options.apiKey,
        PAYGENTIC_BASE_URL: options.emulatorUrl,
        PAYGENTIC_WEBHOOK_SECRET: options.webhookSecret,
        CREDITKIT_PUBLIC_URL: url,
        PAYMENT_HOSTS: new URL(options.emulatorUrl).origin,
        SESSION_SECRET: sessionSecret,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/signin`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    sessionSecret,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
