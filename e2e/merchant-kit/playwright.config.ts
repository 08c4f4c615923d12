import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { DEMO_API_KEY, DEMO_WEBHOOK_SECRET } from "@creditkit/emulator";
import type { EmulatorWorkerOptions } from "@creditkit/emulator/playwright";
import { CHROMIUM_ARGS, chromiumExecutable } from "@creditkit/test-kit/chromium";
import { defineConfig } from "@playwright/test";

/**
 * The merchant's-eye suite (issue 17): the README's Playwright setup with apps/bff as "the
 * merchant's app" (its production build, as `npm run start` serves it), the emulator on a fixed
 * port started by the `emulator` fixture, webhooks on, the handler's test preset switched on by
 * environment. The specs import ONLY `@creditkit/emulator/playwright` and `@playwright/test`,
 * never e2e/support: whatever they need, a merchant has too.
 *
 * Fixed ports as in the README (a merchant's config names its ports); overridable for a machine
 * where they are taken.
 */
const APP_PORT = Number(process.env.MERCHANT_KIT_APP_PORT ?? 3417);
const EMULATOR_PORT = Number(process.env.MERCHANT_KIT_EMULATOR_PORT ?? 4417);
const APP = `http://127.0.0.1:${APP_PORT}`;
const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;

export default defineConfig<object, EmulatorWorkerOptions>({
  testDir: "tests",
  outputDir: "test-results",
  workers: 1, // one emulator owns the port, one app talks to it
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: APP,
    emulatorOptions: {
      port: EMULATOR_PORT,
      webhookUrls: [`${APP}/api/topup/webhooks/paygentic`],
      webhookSecret: DEMO_WEBHOOK_SECRET,
    },
    browserName: "chromium",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `node server.mjs -H 127.0.0.1 -p ${APP_PORT}`,
    cwd: join(import.meta.dirname, "..", "..", "apps", "bff"),
    url: `${APP}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PAYGENTIC_API_KEY: DEMO_API_KEY,
      PAYGENTIC_BASE_URL: EMULATOR,
      PAYGENTIC_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET,
      PAYMENT_HOSTS: EMULATOR,
      CREDITKIT_PUBLIC_URL: APP,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      CREDITKIT_TEST_PRESET: "1",
    },
  },
});
