import { test as emulatorTest } from "@creditkit/emulator/playwright";
import type { Page } from "@playwright/test";
import { type RunningApp, startApp } from "./app.ts";
import { freePort } from "./ports.ts";

/**
 * Our suite on top of the merchant-facing `@creditkit/emulator/playwright` fixture (so that
 * helper stays working): one emulator and one `next start` of the production build per worker,
 * wired together the way the root `pnpm start` wires them, webhooks included.
 */
export const test = emulatorTest.extend<
  { signIn: (externalId?: string) => Promise<void>; keyWatch: undefined },
  { appPort: number; settleDelayMs: number; app: RunningApp }
>({
  settleDelayMs: [0, { scope: "worker", option: true }],
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
    async ({ appPort, emulator }, use) => {
      const app = await startApp({
        port: appPort,
        emulatorUrl: emulator.url,
        apiKey: emulator.apiKey,
        webhookSecret: emulator.webhookSecret,
      });
      try {
        await use(app);
      } finally {
        await app.stop();
      }
      if (app.output().includes(emulator.apiKey)) throw new Error("the secret key reached the app's log");
    },
    { scope: "worker" },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  /** Every test: a clean emulator, and no response body, page or console line with the key. */
  keyWatch: [
    async ({ page, emulator }, use) => {
      await emulator.reset();
      const leaks: string[] = [];
      page.on("console", (msg) => {
        if (msg.text().includes(emulator.apiKey)) leaks.push(`console: ${msg.text()}`);
      });
      page.on("response", async (res) => {
        const body = await res.body().catch(() => Buffer.alloc(0));
        if (body.includes(emulator.apiKey) || JSON.stringify(res.headers()).includes(emulator.apiKey)) {
          leaks.push(`response: ${res.url()}`);
        }
      });
      await use(undefined);
      if (leaks.length > 0) throw new Error(`the secret key reached the browser:\n${leaks.join("\n")}`);
    },
    { auto: true },
  ],
  signIn: async ({ page }, use) => {
    await use(async (externalId = "acme-alice") => signIn(page, externalId));
  },
});

async function signIn(page: Page, externalId: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: new RegExp(externalId.replace("acme-", ""), "i") }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export { expect } from "@playwright/test";
