import { test as emulatorTest } from "@creditkit/emulator/playwright";
import { type BuiltApp, startBuiltApp } from "@creditkit/test-kit/built-app";
import { freePort } from "@creditkit/test-kit/free-port";
import { expect, type Page } from "@playwright/test";
import { SecretWatch } from "./secret-watch.ts";

/**
 * Our suite on top of the merchant-facing `@creditkit/emulator/playwright` fixture (so that
 * helper stays working): one emulator and one `next start` of the production build per worker,
 * wired together the way the root `pnpm start` wires them, webhooks included.
 *
 * The app lives as long as the worker, and so does its in-memory store with its purchase rate
 * limit: the suite's app gets a generous one (GENEROUS_RATE_LIMIT) so that spec files never share
 * a budget. A file about the rate limit itself sets `test.use({ purchaseRateLimit: "2/60" })`
 * and gets its own worker, emulator and app.
 */
/** Far more purchases per customer than any spec file starts, so no file spends another's budget. */
const GENEROUS_RATE_LIMIT = "1000/60";
/** The staff password of the suite's app: its support console (/admin) is on (tests/admin.spec.ts). */
export const STAFF_PASSWORD = "e2e-staff-password-not-a-secret";

export const test = emulatorTest.extend<
  { signIn: (externalId?: string) => Promise<void>; keyWatch: undefined; pageErrors: undefined },
  { appPort: number; settleDelayMs: number; purchaseRateLimit: string; app: BuiltApp }
>({
  settleDelayMs: [0, { scope: "worker", option: true }],
  /** CREDITKIT_PURCHASE_RATE_LIMIT of the worker's app; another value means another worker and app. */
  purchaseRateLimit: [GENEROUS_RATE_LIMIT, { scope: "worker", option: true }],
  appPort: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => use(await freePort()),
    { scope: "worker" },
  ],
  emulatorOptions: [
    async ({ appPort, settleDelayMs }, use) =>
      use({ settleDelayMs, webhookUrls: [`http://127.0.0.1:${appPort}/api/topup/webhooks/paygentic`] }),
    { scope: "worker" },
  ],
  app: [
    async ({ appPort, emulator, purchaseRateLimit }, use) => {
      const app = await startBuiltApp({
        port: appPort,
        paygenticUrl: emulator.url,
        apiKey: emulator.apiKey,
        webhookSecret: emulator.webhookSecret,
        purchaseRateLimit,
        demoAdminPassword: STAFF_PASSWORD,
      });
      try {
        await use(app);
      } finally {
        await app.stop();
      }
      // Whatever the app printed after the last test (shutdown included) is checked here.
      const watch = new SecretWatch(secretsOf(emulator, app));
      watch.check("the app's log", app.output());
      const { leaks } = await watch.settle();
      if (leaks.length > 0) throw new Error(`a secret reached the app's log:\n${leaks.join("\n")}`);
    },
    { scope: "worker" },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  /**
   * Every test: a clean emulator; then no secret (the Paygentic key, the webhook signing secret,
   * the session secret) in any response the browser received (headers and body, popups and the
   * hosted page included), any console message, the final HTML of any open page, or anything
   * the app logged during the test.
   */
  keyWatch: [
    async ({ context, emulator, app }, use) => {
      await emulator.reset();
      const watch = new SecretWatch(secretsOf(emulator, app));
      const logFrom = app.output().length;
      context.on("console", (msg) => watch.check(`console ${msg.type()} on ${msg.page()?.url()}`, msg.text()));
      context.on("response", (res) => {
        const where = `response ${res.status()} ${res.url()}`;
        watch.check(`${where} (headers)`, JSON.stringify(res.headers()));
        watch.checkLater(where, () => res.body());
      });
      await use(undefined);
      for (const page of context.pages()) {
        if (!page.isClosed()) watch.check(`HTML of ${page.url()}`, await page.content().catch(() => ""));
      }
      watch.check("the app's log", app.output().slice(logFrom));
      const { leaks } = await watch.settle();
      if (leaks.length > 0) throw new Error(`a secret reached the browser or the log:\n${leaks.join("\n")}`);
    },
    { auto: true },
  ],
  /** An uncaught exception in any page of the test (a crash, a failed hydration) fails it. */
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watchPage = (page: Page) => page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      context.pages().forEach(watchPage);
      context.on("page", watchPage);
      await use(undefined);
      if (errors.length > 0) throw new Error(`uncaught errors in the page:\n${errors.join("\n")}`);
    },
    { auto: true },
  ],
  signIn: async ({ page, emulator }, use) => {
    await use(async (externalId = "acme-alice") => {
      await signIn(page, externalId);
      await untilBffAgrees(page, () => emulator.balance(externalId));
    });
  },
});

function secretsOf(emulator: { apiKey: string; webhookSecret: string }, app: BuiltApp) {
  return {
    "the Paygentic secret key": emulator.apiKey,
    "the webhook signing secret": emulator.webhookSecret,
    "the session secret": app.sessionSecret,
  };
}

/** Signs in on /signin as a demo customer ("acme-alice" → "Sign in as Alice …"). */
async function signIn(page: Page, externalId: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: new RegExp(`Sign in as ${externalId.replace("acme-", "")}`, "i") }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/**
 * The emulator was just reset to its seed, but the app keeps each customer's entitlement for 2 s
 * (its `entitlementCacheMs`), so right after a test that changed this customer's balance the
 * BFF can still answer the old figure: a rewound upstream is something only tests do. Polls the
 * BFF until it agrees with the emulator (at once, unless the previous test just used this
 * customer), and reloads the dashboard if it was rendered from the stale figure.
 */
async function untilBffAgrees(page: Page, truth: () => Promise<number>) {
  const expected = await truth();
  const bffBalance = async () => (await (await page.request.get("/api/topup/balance")).json()).balance;
  await expect.poll(bffBalance, { message: "the BFF's balance catches up with the emulator's" }).toBe(expected);
  const shown = ((await page.locator(".ck-balance-value").textContent()) ?? "").replace(/[^\d]/g, "");
  if (Number(shown) !== expected) await page.reload();
}

export { expect } from "@playwright/test";
