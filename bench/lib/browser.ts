// The same Chromium and flags as the e2e suite: CHROMIUM_PATH, then a system one, else Playwright's.
import { CHROMIUM_ARGS, chromiumExecutable } from "@creditkit/test-kit/chromium";
import { type Browser, chromium } from "playwright-core";

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(
      `cannot start Chromium for the return-latency benchmark (install Debian's chromium, or set CHROMIUM_PATH): ${(error as Error).message}`,
    );
  }
}
