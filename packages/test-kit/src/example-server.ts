import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./free-port.ts";
import { startTestEmulator, type TestEmulator } from "./test-emulator.ts";

export interface ExampleServer {
  /** http://127.0.0.1:<port>: the app's CREDITKIT_PUBLIC_URL. */
  url: string;
  /** The test emulator the app talks to (and sends webhooks to the app). */
  emulator: TestEmulator;
  /** Everything the app printed, line by line. */
  log: string[];
  /** Stops the app, then the emulator. */
  stop(): Promise<void>;
}

/**
 * An example app's server script as a merchant runs it: `node --import tsx <script>` in its own
 * process, in the example's directory, on a free loopback port, with the settings of the examples'
 * READMEs pointing at a fresh test emulator (whose webhooks go to the app). Resolves once the app
 * prints "listening on"; rejects with its output if it exits first.
 */
export async function startExampleServer(dir: string, script: string): Promise<ExampleServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const emulator = await startTestEmulator({ webhookUrls: [`${url}/api/topup/webhooks/paygentic`] });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PAYGENTIC_API_KEY: emulator.emu.apiKey,
      PAYGENTIC_BASE_URL: emulator.emu.url,
      PAYGENTIC_WEBHOOK_SECRET: emulator.emu.webhookSecret,
      CREDITKIT_PUBLIC_URL: url,
      PAYMENT_HOSTS: emulator.emu.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    }
    await emulator.close();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        log.push(...chunk.toString().split("\n").filter(Boolean));
        if (log.some((line) => line.startsWith("listening on"))) resolve();
      };
      child.stdout?.on("data", collect);
      child.stderr?.on("data", collect);
      child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${log.join("\n")}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, emulator, log, stop };
}
