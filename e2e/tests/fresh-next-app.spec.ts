import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { hostedPageActions } from "@creditkit/emulator/playwright";
import { chromiumExecutable } from "@creditkit/test-kit/chromium";
import { freePort } from "@creditkit/test-kit/free-port";
import { type FreshNextApp, scaffoldNextApp, serverLogProblems } from "@creditkit/test-kit/fresh-next-app";
import { type PackedPackages, packedPackages } from "@creditkit/test-kit/packed-packages";
import { readmeFiles } from "@creditkit/test-kit/readme-files";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { expect, test } from "@playwright/test";
import { creditsText, Dashboard } from "../support/dashboard.ts";
import { readmeInstallSpecs, readmeSection, withValues } from "../support/readme-setup.ts";

/**
 * The root README's "Add it to your own Next.js app in three steps", done the way a merchant does
 * it, in an app made by create-next-app (today's defaults: Cache Components on), once per run:
 * the packages installed from the tarballs `pnpm check:packages` just packed, with the README's
 * own `npm install` arguments; every file the section shows written FROM the README (readmeFiles:
 * the code blocks whose first line names a file), so the README cannot drift from what is tested.
 * The only change: `.env.local`'s values are this run's (the test emulator's URL, key and webhook
 * secret, the app's free port) instead of `pnpm emulator`'s demo values and port 3000.
 *
 * Then, with Cache Components on and off (create-next-app's two next.config.ts): `next build`,
 * `next start`, a purchase in Chromium ending with the credited balance, and not one line in the
 * server's log beyond its start-up lines, nor an error or warning in the browser's console.
 *
 * Then, in the same app (issue 17), the README's "Testing your own top-up flow": its `npm i -D` of
 * the emulator tarball and `@playwright/test`, its `playwright.config.ts` and `e2e/top-up.spec.ts`
 * written from the README, and its `npx playwright test`: the config builds and starts the app
 * itself, the `emulator` fixture posts webhooks to it, and both tests pass. Only the environment
 * is this run's: free ports (PORT, EMULATOR_PORT) and the Chromium the repository's suites drive
 * (CHROMIUM_PATH), the knobs the config offers a merchant for exactly that.
 *
 * Slow by nature (two npm installs, three production builds): about three to four minutes on two
 * cores. It needs the built packages (`pnpm build`) and the npm registry.
 */

const README = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const SECTION = readmeSection(README, "Add it to your own Next.js app in three steps");
const TESTING = readmeSection(README, "Testing your own top-up flow");
const PACKAGES = ["contract", "paygentic", "server", "react", "emulator"];
/**
 * The README installs `@playwright/test` unpinned; the test takes the version this repository's
 * suites run (so a Playwright release cannot turn a green commit red, as with create-next-app).
 */
const PLAYWRIGHT_VERSION: string = createRequire(import.meta.url)("@playwright/test/package.json").version;

test.describe.configure({ mode: "serial", timeout: 240_000 });

let packs: PackedPackages | undefined;
let app: FreshNextApp | undefined;
let emulator: TestEmulator | undefined;
let appPort = 0;

test.beforeAll(async () => {
  test.setTimeout(420_000);
  const clock = stopwatch();
  packs = packedPackages(PACKAGES);
  clock.lap("tarballs");
  app = await scaffoldNextApp();
  clock.lap(`create-next-app@${app.version}`);
  appPort = await freePort();
  emulator = await startTestEmulator({
    webhookUrls: [`http://127.0.0.1:${appPort}/api/topup/webhooks/paygentic`],
  });

  const files = readmeFiles(SECTION);
  expect(files.map((f) => f.path)).toEqual([
    "lib/top-up.ts",
    "app/api/topup/[...path]/route.ts",
    "app/billing/page.tsx",
    ".env.local",
  ]);
  const values: Record<string, string> = {
    PAYGENTIC_API_KEY: emulator.emu.apiKey,
    PAYGENTIC_BASE_URL: emulator.emu.url,
    PAYGENTIC_WEBHOOK_SECRET: emulator.emu.webhookSecret,
    CREDITKIT_PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    PAYMENT_HOSTS: new URL(emulator.emu.url).origin,
  };
  app.writeFiles(
    files.map((f) => (f.path === ".env.local" ? { path: f.path, content: withValues(f.content, values) } : f)),
  );
  await app.install(readmeInstallSpecs(SECTION, packs.tarballs));
  clock.lap("npm install");
});

test.afterAll(async () => {
  await emulator?.close();
  app?.remove();
  packs?.remove();
});

for (const cacheComponents of [true, false]) {
  test(`the README's three steps in a fresh create-next-app app, Cache Components ${cacheComponents ? "on" : "off"}: build, buy, credited`, async ({
    page,
  }) => {
    if (!app || !emulator) throw new Error("the app was not set up");
    const clock = stopwatch();
    app.setCacheComponents(cacheComponents);
    const build = await app.build();
    clock.lap("next build");
    expect(build.includes("Cache Components enabled"), "the build ran with the intended next.config.ts").toBe(
      cacheComponents,
    );
    expect(buildWarnings(build), `next build's output:\n${build}`).toEqual([]);

    await emulator.reset();
    const server = await app.start({ port: appPort });
    // The app's pages only: the emulator's hosted page (no favicon) is the emulator suite's business.
    const browserProblems: string[] = [];
    page.on("console", (msg) => {
      const where = msg.location().url || page.url();
      if ((msg.type() === "error" || msg.type() === "warning") && where.startsWith(server.url)) {
        browserProblems.push(`${msg.type()} on ${where}: ${msg.text()}`);
      }
    });
    page.on("pageerror", (error) => browserProblems.push(`uncaught on ${page.url()}: ${error.message}`));

    try {
      // The prefetch works: the page's HTML already holds the customer's packs and balance.
      const html = await (await fetch(`${server.url}/billing`)).text();
      expect(html).toContain("Buy 1,000 credits for $10.00");

      const before = await emulator.balance("acme-alice");
      const dashboard = new Dashboard(page);
      await page.goto(`${server.url}/billing`);
      await expect(dashboard.balanceValue).toHaveText(creditsText(before));
      await expect(dashboard.buyButton()).toHaveText("Buy 1,000 credits for $10.00");
      await dashboard.buy();
      await hostedPageActions(page).pay();
      await expect(dashboard.outcomeMessage).toHaveText(/1,000 credits added to your balance\./);
      await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
      expect(await emulator.balance("acme-alice")).toBe(before + 1000);
      clock.lap("start and purchase");
    } finally {
      await server.stop();
    }
    const log = server.output();
    expect(serverLogProblems(log), `next start's output:\n${log}`).toEqual([]);
    expect(log).not.toContain(emulator.emu.apiKey);
    expect(browserProblems).toEqual([]);
  });
}

test("the README's Playwright config and spec in the same app: npx playwright test builds it, buys, webhook delivered", async () => {
  if (!app || !packs) throw new Error("the app was not set up");
  test.setTimeout(420_000);
  const clock = stopwatch();
  const files = readmeFiles(TESTING);
  expect(files.map((f) => f.path)).toEqual(["playwright.config.ts", "e2e/top-up.spec.ts"]);
  const specs = readmeInstallSpecs(TESTING, packs.tarballs).map((spec) =>
    spec === "@playwright/test" ? `@playwright/test@${PLAYWRIGHT_VERSION}` : spec,
  );
  expect(specs).toContain(`@playwright/test@${PLAYWRIGHT_VERSION}`);
  await app.install(specs);
  clock.lap("npm i -D emulator + @playwright/test");
  app.writeFiles(files);
  app.setCacheComponents(true);

  const env: Record<string, string> = {
    CI: "1",
    PORT: String(await freePort()),
    EMULATOR_PORT: String(await freePort()),
  };
  const chromium = chromiumExecutable();
  if (chromium) env.CHROMIUM_PATH = chromium;
  // The README's command; it fails (throwing with Playwright's output) unless every test passed.
  const output = await app.exec("npx", ["playwright", "test"], { env, timeoutMs: 360_000 });
  clock.lap("npx playwright test (next build, next start, 2 tests)");
  expect(output, output).toMatch(/\b2 passed\b/);
  expect(output, output).not.toMatch(/\b(failed|flaky|skipped)\b/);
});

/** Prints how long each phase took (the suite's time budget is watched by hand). */
function stopwatch() {
  let last = performance.now();
  return {
    lap(what: string) {
      const now = performance.now();
      console.log(`fresh-next-app: ${what} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
  };
}

/** Lines of `next build`'s output that warn or report an error. */
/**
 * Warnings and errors of `next build`, except Next's note that a CI machine keeps no build cache
 * between runs (printed whenever CI is set, as `npm test` sets it): about the machine, not the app.
 */
function buildWarnings(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => /⚠|⨯|\bwarn|\berror\b/i.test(line))
    .filter((line) => !line.includes("nextjs.org/docs/messages/no-cache"));
}
