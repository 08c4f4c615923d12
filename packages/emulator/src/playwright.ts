import { test as base, expect, type Page } from "@playwright/test";
import { createEmulatorControl, type EmulatorControl } from "./control-client.ts";
import type { SeedInfo } from "./emulator-core.ts";
import { type EmulatorOptions, startEmulator } from "./start-emulator.ts";

/**
 * `@creditkit/emulator/playwright`: a Paygentic emulator for a Playwright run, and the moves a
 * customer makes on the hosted payment page.
 *
 *   import { test, expect } from "@creditkit/emulator/playwright";
 *   test.use({ emulatorOptions: { settleDelayMs: 500 } });
 *   test("buy", async ({ page, emulator }) => { …; await emulator.pay(page); … });
 *
 * The emulator is worker-scoped (one per worker, started before the first test that asks for
 * it, closed after the last); call `emulator.reset()` between tests that need a clean slate.
 */
export interface PlaywrightEmulator extends EmulatorControl {
  apiKey: string;
  webhookSecret: string;
  seedInfo: SeedInfo;
  /** On the hosted payment page: press Pay and wait to leave it (or for the iframe to report). */
  pay(page: Page): Promise<void>;
  /** On the hosted payment page: simulate a declined card; the page stays, showing the error. */
  decline(page: Page): Promise<void>;
  /** On the hosted payment page: cancel and return to the merchant's cancel URL. */
  cancel(page: Page): Promise<void>;
}

export const PAY_BUTTON = /^Pay\b/;
export const DECLINE_BUTTON = "Simulate a declined card";
export const CANCEL_BUTTON = "Cancel and return";

export function hostedPageActions(page: Page) {
  const onHostedPage = () => expect(page).toHaveURL(/\/portal\/pay\//);
  return {
    async pay() {
      await onHostedPage();
      const from = page.url();
      await page.getByRole("button", { name: PAY_BUTTON }).click();
      await page.waitForURL((url) => url.toString() !== from);
    },
    async decline() {
      await onHostedPage();
      await page.getByRole("button", { name: DECLINE_BUTTON }).click();
      await expect(page.getByRole("alert")).toBeVisible();
    },
    async cancel() {
      await onHostedPage();
      const from = page.url();
      await page.getByRole("button", { name: CANCEL_BUTTON }).click();
      await page.waitForURL((url) => url.toString() !== from);
    },
  };
}

export const test = base.extend<
  Record<never, never>,
  { emulatorOptions: EmulatorOptions; emulator: PlaywrightEmulator }
>({
  emulatorOptions: [{}, { scope: "worker", option: true }],
  emulator: [
    async ({ emulatorOptions }, use) => {
      const emu = await startEmulator({ port: 0, ...emulatorOptions });
      const control = createEmulatorControl(emu.url);
      const fixture: PlaywrightEmulator = {
        ...control,
        apiKey: emu.apiKey,
        webhookSecret: emu.webhookSecret,
        seedInfo: emu.seedInfo(),
        pay: (page) => hostedPageActions(page).pay(),
        decline: (page) => hostedPageActions(page).decline(),
        cancel: (page) => hostedPageActions(page).cancel(),
      };
      try {
        await use(fixture);
      } finally {
        await emu.close();
      }
    },
    { scope: "worker" },
  ],
});

export { expect };
