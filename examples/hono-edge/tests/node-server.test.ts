import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "@creditkit/test-kit/free-port";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import { describe, expect, it } from "vitest";
import { buyAPack } from "./test-support/buy-a-pack.ts";

/** `node-server.ts` as a merchant runs it (its own Node process), the Hono app against a test emulator. */

const APP_DIR = join(import.meta.dirname, "..");

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; log: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "node-server.ts"], {
    cwd: APP_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      log.push(...chunk.toString().split("\n").filter(Boolean));
      if (log.some((line) => line.startsWith("listening on"))) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => reject(new Error(`node-server.ts exited (${code}):\n${log.join("\n")}`)));
  });
  return { child, log };
}

describe("examples/hono-edge on Node (@hono/node-server)", () => {
  it("sells a pack through the Hono app, with no adapter", async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const emu = await startTestEmulator({ webhookUrls: [`${appUrl}/api/topup/webhooks/paygentic`] });
    const { child, log } = await start({
      PORT: String(port),
      HOST: "127.0.0.1",
      PAYGENTIC_API_KEY: emu.emu.apiKey,
      PAYGENTIC_BASE_URL: emu.emu.url,
      PAYGENTIC_WEBHOOK_SECRET: emu.emu.webhookSecret,
      CREDITKIT_PUBLIC_URL: appUrl,
      PAYMENT_HOSTS: emu.emu.url,
    });
    try {
      await buyAPack(appUrl, emu);
      expect(log.filter((line) => /error/i.test(line))).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
      await emu.close();
    }
  });
});
