import { CHROMIUM_ARGS, chromiumExecutable } from "@creditkit/test-kit/chromium";
import { defineConfig } from "@playwright/test";

/**
 * Real Chromium against `next build` + `next start` and a real emulator, both started by the
 * fixtures in support/fixtures.ts. One worker: the two cores here are better spent on the app.
 */
export default defineConfig({
  testDir: "tests",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
