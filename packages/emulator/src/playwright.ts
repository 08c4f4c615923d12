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
  /** On the hosted payment page: press Pay and wait to leave it (for the success URL). */
  pay(page: Page): Promise<void>;
  /** On the hosted payment page: simulate a declined card; the page stays, showing the error. */
  decline(page: Page): Promise<void>;
  /** On the hosted payment page: cancel and wait to leave it (for the cancel URL). */
  cancel(page: Page): Promise<void>;
  /** On the hosted payment page: which payment session and invoice it shows. */
  hostedPage(page: Page): Promise<HostedPage>;
}

export interface HostedPage {
  paymentSessionId: string;
  invoiceId: string;
}

export const PAY_BUTTON = /^Pay\b/;
export const DECLINE_BUTTON = "Simulate a declined card";
export const CANCEL_BUTTON = "Cancel and return";
const HOSTED_PAGE = /\/portal\/pay\/[^/?#]+$/;

/** The hosted page's moves for any Playwright page, without the fixture (e.g. in a popup). */
export function hostedPageActions(page: Page) {
  const onHostedPage = () =>
    expect(page, "expected to be on the emulator's hosted payment page").toHaveURL(HOSTED_PAGE);

  /**
   * Presses a button (each is a form POST answered with 303) and waits for where the 303 leads:
   * the merchant's success or cancel URL, or back to this page when there is none.
   */
  async function submit(action: "pay" | "cancel", name: string | RegExp) {
    await onHostedPage();
    const from = page.url();
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith(`/${action}`),
    );
    await page.getByRole("button", { name }).click();
    const location = (await answered).headers().location;
    const target = location ? new URL(location, from).href : from;
    if (target === from) await page.waitForLoadState("load");
    else await page.waitForURL((url) => url.href !== from);
  }

  return {
    pay: () => submit("pay", PAY_BUTTON),
    cancel: () => submit("cancel", CANCEL_BUTTON),
    async decline() {
      await onHostedPage();
      await page.getByRole("button", { name: DECLINE_BUTTON }).click();
      await expect(page.getByRole("alert")).toHaveText(/declined/i);
    },
    async details(): Promise<HostedPage> {
      await onHostedPage();
      const main = page.locator("main[data-session]");
      const [paymentSessionId, invoiceId] = await Promise.all([
        main.getAttribute("data-session"),
        main.getAttribute("data-invoice"),
      ]);
      if (!paymentSessionId || !invoiceId) throw new Error(`the hosted page at ${page.url()} names no session`);
      return { paymentSessionId, invoiceId };
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
        hostedPage: (page) => hostedPageActions(page).details(),
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
