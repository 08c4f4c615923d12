import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** The same Chromium and flags as the e2e suite (e2e/support/browser.ts): CHROMIUM_PATH, then a system one. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

function executable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
}

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: executable(), args: ARGS });
  } catch (error) {
    throw new Error(
      `cannot start Chromium for the return-latency benchmark (install Debian's chromium, or set CHROMIUM_PATH): ${(error as Error).message}`,
    );
  }
}
