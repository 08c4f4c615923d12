import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_ARGS, chromiumExecutable } from "@creditkit/test-kit/chromium";
import { type ExampleServer, startExampleServer } from "@creditkit/test-kit/example-server";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The example as a merchant runs it: `vite build`, then `server.ts` (Express + toNodeHandler) in
 * its own Node process against a test emulator, and a customer in real Chromium buying a pack on
 * the stock create-vite page: Buy, Pay on the hosted page, back on the SPA credited (the webhook
 * through Express, or the poll). The page keeps create-vite's `#root { text-align: center }` and
 * centring flex column, so the widget's CSS isolation is checked where it matters.
 */

const APP_DIR = join(import.meta.dirname, "..");
const run = promisify(execFile);

let app: ExampleServer;
let emu: TestEmulator;
let browser: Browser;
let appUrl: string;
let serverLog: string[];

beforeAll(async () => {
  // The SPA, built once (`vite build`; `tsc -b` is the repository's typecheck step).
  await run(
    process.execPath,
    [join(APP_DIR, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: APP_DIR,
    },
  );
  app = await startExampleServer(APP_DIR, "server.ts");
  ({ url: appUrl, emulator: emu, log: serverLog } = app);
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("examples/vite-react-express", () => {
  it("sells a pack in the stock create-vite SPA served by Express, credited on return", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(appUrl);
    const balance = page.locator(".ck-balance-value");
    await balance.waitFor();
    const before = Number((await balance.textContent())?.replace(/\D/g, ""));

    // create-vite's stylesheet is on the page, and does not reach into the widget: the widget's
    // text is not centred and it takes its container's width in create-vite's centring column.
    const layout = await page.evaluate(() => {
      const root = document.querySelector(".ck-root") as HTMLElement;
      const column = root.parentElement as HTMLElement;
      const style = getComputedStyle(column);
      const columnContent =
        column.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return {
        hostAlign: getComputedStyle(document.getElementById("root") as HTMLElement).textAlign,
        widgetAlign: getComputedStyle(root).textAlign,
        widgetWidth: root.getBoundingClientRect().width,
        columnContent,
      };
    });
    expect(layout.hostAlign).toBe("center");
    expect(layout.widgetAlign).not.toBe("center");
    expect(Math.abs(layout.widgetWidth - layout.columnContent)).toBeLessThan(1);

    await page.getByRole("radio", { name: /^Starter\b/ }).check();
    await page.getByRole("button", { name: "Buy 1,000 credits for $10.00" }).click();
    await page.waitForURL(/\/portal\/pay\//);
    await page.getByRole("button", { name: /^Pay\b/ }).click();
    await page.waitForURL((url) => url.origin === appUrl);

    await page.getByText("1,000 credits added to your balance.").waitFor();
    await expect.poll(async () => (await balance.textContent())?.replace(/\D/g, "")).toBe(String(before + 1000));
    expect(await emu.purchases()).toHaveLength(1);
    // Nothing went wrong on the server's side, and the key never reached its log.
    expect(serverLog.filter((line) => /error/i.test(line))).toEqual([]);
    expect(serverLog.join("\n")).not.toContain(emu.emu.apiKey);
    await page.close();
  });
});
