import { test as base, expect, type Page } from "@playwright/test";
import { createEmulatorControl, type EmulatorControl, type PurchaseView } from "./control-client.ts";
import type { SeedInfo } from "./emulator-core.ts";
import { type EmulatorOptions, startEmulator } from "./start-emulator.ts";
import { type SignedWebhook, type SignOptions, sendWebhookEvent, signWebhookEvent } from "./webhooks/sign-event.ts";

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
export interface PlaywrightEmulator extends Omit<EmulatorControl, "expire"> {
  apiKey: string;
  webhookSecret: string;
  seedInfo: SeedInfo;
  /** On the hosted payment page: press Pay and wait to leave it (for the success URL). */
  pay(page: Page): Promise<void>;
  /** On the hosted payment page: simulate a declined card; the page stays, showing the error. */
  decline(page: Page): Promise<void>;
  /** On the hosted payment page: simulate a card with insufficient funds; the page stays, showing the error. */
  insufficientFunds(page: Page): Promise<void>;
  /** On the hosted payment page: pay with a card that needs an extra step; waits for the bank's screen. */
  authenticate(page: Page): Promise<void>;
  /** On the authentication screen: confirm, and wait to leave for the success URL (paid). */
  confirmAuthentication(page: Page): Promise<void>;
  /** On the authentication screen: fail it; back on the payment page, showing the error. */
  failAuthentication(page: Page): Promise<void>;
  /** On the hosted payment page: a payment that stays processing until `release()`; waits for the success URL. */
  hold(page: Page): Promise<void>;
  /** A processing payment arrives now: the given session or purchase, or the last purchase. */
  release(purchase?: string | { paymentSessionId: string }): Promise<void>;
  /** On the hosted payment page: cancel and wait to leave it (for the cancel URL). */
  cancel(page: Page): Promise<void>;
  /** On the hosted payment page: which payment session and invoice it shows. */
  hostedPage(page: Page): Promise<HostedPage>;
  /**
   * Expires a payment session. With a page: the session it shows (or the last purchase) lapses, and
   * the customer is returned the way Paygentic does, through the purchase's cancel URL (the expired
   * hosted page's "Return to …" link). With `{expiresAt}` or nothing: only moves the clock.
   */
  expire(target?: Page | { expiresAt: string }): Promise<unknown>;
  /** Signs an event with this emulator's webhook secret, as Paygentic (Svix) signs them. */
  signEvent(event: unknown, options?: SignOptions): SignedWebhook;
  /** Signs an event with this emulator's webhook secret and POSTs it to your webhook URL. */
  sendEvent(url: string, event: unknown, options?: SignOptions): Promise<Response>;
}

export interface HostedPage {
  paymentSessionId: string;
  invoiceId: string;
}

export const PAY_BUTTON = /^Pay\b/;
export const DECLINE_BUTTON = "Simulate a declined card";
export const INSUFFICIENT_FUNDS_BUTTON = "Simulate insufficient funds";
export const AUTHENTICATE_BUTTON = "Simulate a card that needs authentication";
export const CONFIRM_AUTHENTICATION_BUTTON = "Complete authentication";
export const FAIL_AUTHENTICATION_BUTTON = "Fail authentication";
export const HOLD_BUTTON = "Simulate a payment that stays processing";
export const CANCEL_BUTTON = "Cancel and return";
export const AUTHENTICATION_HEADING = "Confirm this payment with your bank";
const HOSTED_PAGE = /\/portal\/pay\/[^/?#]+$/;
export const EXPIRED_HEADING = "This payment link has expired";

/** The hosted page's moves for any Playwright page, without the fixture (e.g. in a popup). */
export function hostedPageActions(page: Page) {
  const onHostedPage = () =>
    expect(page, "expected to be on the emulator's hosted payment page").toHaveURL(HOSTED_PAGE);

  /**
   * Presses a button (each is a form POST answered with 303) and waits for where the 303 leads:
   * the merchant's success or cancel URL, or back to this page when there is none.
   */
  async function submit(action: string, name: string | RegExp) {
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

  /** A failed attempt: the page comes back with its alert saying why. */
  async function failedAttempt(action: string, name: string, says: RegExp) {
    await submit(action, name);
    await expect(page.getByRole("alert")).toHaveText(says);
  }

  return {
    pay: () => submit("pay", PAY_BUTTON),
    cancel: () => submit("cancel", CANCEL_BUTTON),
    hold: () => submit("hold", HOLD_BUTTON),
    decline: () => failedAttempt("decline", DECLINE_BUTTON, /declined/i),
    insufficientFunds: () => failedAttempt("insufficient-funds", INSUFFICIENT_FUNDS_BUTTON, /insufficient funds/i),
    async authenticate() {
      await submit("authenticate", AUTHENTICATE_BUTTON);
      await expect(page.getByRole("heading", { name: AUTHENTICATION_HEADING })).toBeVisible();
    },
    confirmAuthentication: () => submit("authentication-confirm", CONFIRM_AUTHENTICATION_BUTTON),
    failAuthentication: () =>
      failedAttempt("authentication-fail", FAIL_AUTHENTICATION_BUTTON, /could not authenticate/i),
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

function isPage(target: unknown): target is Page {
  return typeof (target as Page | undefined)?.goto === "function";
}

/**
 * The session on the hosted page (or the last purchase) lapses; the customer, on the expired
 * page, follows its "Return to …" link to the cancel URL, as they would at Paygentic. Off the
 * hosted page, the browser goes to the cancel URL directly.
 */
async function expireShown(control: EmulatorControl, page: Page): Promise<PurchaseView> {
  const onHostedPage = HOSTED_PAGE.test(new URL(page.url()).pathname);
  const sessionId = onHostedPage
    ? await hostedPageActions(page)
        .details()
        .then((d) => d.paymentSessionId)
    : undefined;
  const all = await control.purchaseDetails();
  const purchase = sessionId ? all.find((p) => p.paymentSessionId === sessionId) : all.at(-1);
  if (!purchase) throw new Error("expire(page): no purchase to expire since the last reset");
  await control.setClock(new Date(Date.parse(purchase.expiresAt) + 1_000).toISOString());
  if (!purchase.cancelUrl) throw new Error(`purchase ${purchase.invoiceId} has no cancel URL to return to`);
  if (onHostedPage) {
    await page.reload();
    await expect(page.getByRole("heading", { name: EXPIRED_HEADING })).toBeVisible();
    await page.getByRole("link", { name: /^Return to / }).click();
    await page.waitForURL((url) => !HOSTED_PAGE.test(url.pathname));
  } else {
    await page.goto(purchase.cancelUrl);
  }
  return purchase;
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
        insufficientFunds: (page) => hostedPageActions(page).insufficientFunds(),
        authenticate: (page) => hostedPageActions(page).authenticate(),
        confirmAuthentication: (page) => hostedPageActions(page).confirmAuthentication(),
        failAuthentication: (page) => hostedPageActions(page).failAuthentication(),
        hold: (page) => hostedPageActions(page).hold(),
        async release(purchase) {
          const id =
            typeof purchase === "string" ? purchase : (purchase ?? (await control.lastPurchase())).paymentSessionId;
          const outcome = await control.releaseSession(id);
          if (outcome.status !== "completed") throw new Error(`payment session ${id} is ${outcome.status}`);
        },
        cancel: (page) => hostedPageActions(page).cancel(),
        hostedPage: (page) => hostedPageActions(page).details(),
        expire: (target) => (isPage(target) ? expireShown(control, target) : control.expire(target)),
        signEvent: (event, options) => signWebhookEvent(emu.webhookSecret, event, options),
        sendEvent: (url, event, options) => sendWebhookEvent(url, emu.webhookSecret, event, options),
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

export type { EmulatorOptions } from "./start-emulator.ts";
export {
  type CreditKitWidget,
  creditKitWidget,
  ENGLISH_WIDGET_NAMES,
  OUTCOME_MESSAGES,
  type WidgetNames,
} from "./widget-page-object.ts";
export { expect };

/** The worker option of the fixture, for a typed `defineConfig<object, EmulatorWorkerOptions>`. */
export interface EmulatorWorkerOptions {
  emulatorOptions: EmulatorOptions;
}
