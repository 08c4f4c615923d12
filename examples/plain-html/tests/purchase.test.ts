import { join } from "node:path";
import { CHROMIUM_ARGS, chromiumExecutable } from "@creditkit/test-kit/chromium";
import { type ExampleServer, startExampleServer } from "@creditkit/test-kit/example-server";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The example as a merchant runs it: `http-server.ts` (node:http + toNodeHandler) in its own Node
 * process, serving public/index.html and @creditkit/react's classic script build (Preact inside),
 * against a test emulator; a customer in real Chromium buys a pack through <creditkit-top-up>:
 * Buy, Pay on the hosted page, back on the page credited, with the element's DOM events seen by
 * the page. The page has CSS of its own (serif, centred, a red h2) and themes the widget through
 * a custom property set on the element.
 */

const APP_DIR = join(import.meta.dirname, "..");
const EVENTS = [
  "creditkit-purchase-started",
  "creditkit-purchase-credited",
  "creditkit-purchase-cancelled",
  "creditkit-purchase-failed",
];

/** expect.poll waits 1 s by default; a shared two-core machine may need longer for a refetch. */
const POLL = { timeout: 15_000 };

let app: ExampleServer;
let emu: TestEmulator;
let browser: Browser;
let appUrl: string;
let serverLog: string[];

beforeAll(async () => {
  app = await startExampleServer(APP_DIR, "http-server.ts");
  ({ url: appUrl, emulator: emu, log: serverLog } = app);
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * A page that records every element event it sees in sessionStorage, synchronously (the started
 * event is followed at once by the navigation to the payment page, which an async report could
 * lose), across the navigations to the payment page and back; `events()` reads them.
 */
async function pageWithEventLog() {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.addInitScript((types) => {
    for (const type of types) {
      document.addEventListener(type, (event) => {
        const seen = JSON.parse(sessionStorage.getItem("ck-events") ?? "[]");
        seen.push({ type, detail: (event as CustomEvent).detail });
        sessionStorage.setItem("ck-events", JSON.stringify(seen));
      });
    }
  }, EVENTS);
  const events = async (): Promise<Array<{ type: string; detail: unknown }>> =>
    page.url().startsWith(appUrl) ? page.evaluate(() => JSON.parse(sessionStorage.getItem("ck-events") ?? "[]")) : [];
  return { page, events };
}

describe("examples/plain-html", () => {
  it("sells a pack through <creditkit-top-up> on a plain page, credited on return, with its events", async () => {
    const { page, events } = await pageWithEventLog();
    await page.goto(appUrl);
    // Locators pierce the element's open shadow root.
    const balance = page.locator(".ck-balance-value");
    await balance.waitFor();
    const before = Number((await balance.textContent())?.replace(/\D/g, ""));

    // The page's CSS stays out; the custom property set on the element comes in.
    const looks = await page.evaluate(() => {
      const host = document.querySelector("creditkit-top-up") as HTMLElement;
      const shadow = host.shadowRoot as ShadowRoot;
      const css = (selector: string) => getComputedStyle(shadow.querySelector(selector) as Element);
      return {
        pageAlign: getComputedStyle(document.body).textAlign,
        widgetAlign: css(".ck-pack-name").textAlign,
        titleColor: css(".ck-title").color,
        fontFamily: css(".ck-widget").fontFamily,
        buyBackground: css(".ck-button--primary").backgroundColor,
        cardBackground: css(".ck-widget").backgroundColor,
        widgetWidth: (shadow.querySelector(".ck-widget") as HTMLElement).getBoundingClientRect().width,
        hostWidth: host.getBoundingClientRect().width,
      };
    });
    expect(looks.pageAlign).toBe("center");
    expect(looks.widgetAlign).toBe("start");
    expect(looks.titleColor).not.toBe("rgb(220, 20, 60)"); // the page's crimson h2
    expect(looks.fontFamily).toMatch(/system-ui/);
    expect(looks.buyBackground).toBe("rgb(11, 110, 79)"); // --ck-accent: #0b6e4f, set on the element
    expect(looks.cardBackground).toBe("rgb(255, 255, 255)"); // the light theme's default, in a light browser
    expect(Math.abs(looks.widgetWidth - looks.hostWidth)).toBeLessThan(1);

    await page.getByRole("radio", { name: /^Starter\b/ }).check();
    await page.getByRole("button", { name: "Buy 1,000 credits for $10.00" }).click();
    await page.waitForURL(/\/portal\/pay\//);
    await page.getByRole("button", { name: /^Pay\b/ }).click();
    await page.waitForURL((url) => url.origin === appUrl);

    await page.getByText("1,000 credits added to your balance.").waitFor();
    await expect.poll(async () => (await balance.textContent())?.replace(/\D/g, ""), POLL).toBe(String(before + 1000));
    await expect.poll(() => page.locator("#last-event").textContent(), POLL).toBe("Thanks! 1000 credits added.");
    const [purchase] = await emu.purchases();
    const seen = await events();
    expect(seen.map((e) => e.type)).toEqual(["creditkit-purchase-started", "creditkit-purchase-credited"]);
    expect(seen[0]?.detail).toMatchObject({ credits: 1000, price: "10.00", currency: "USD", packId: "starter" });
    expect(seen[1]?.detail).toMatchObject({ status: "paid", credits: 1000, packId: "starter" });
    expect(purchase).toBeDefined();
    expect(serverLog.filter((line) => /error/i.test(line))).toEqual([]);
    expect(serverLog.join("\n")).not.toContain(emu.emu.apiKey);
    await page.close();
  });

  it("reports a cancelled payment, and speaks German with locale and theme set as attributes", async () => {
    const { page, events } = await pageWithEventLog();
    await page.goto(appUrl);
    await page.locator(".ck-balance-value").waitFor();
    await page.evaluate(() => {
      const element = document.querySelector("creditkit-top-up") as HTMLElement;
      element.setAttribute("locale", "de-DE");
      element.setAttribute("theme", "dark");
    });
    // The pack labels come from the BFF in the element's locale; the widget's words from its German messages.
    await page.getByRole("radio", { name: /^Einstieg\b/ }).waitFor();
    await expect.poll(() => page.locator(".ck-root").getAttribute("data-ck-theme"), POLL).toBe("dark");
    const darkCard = await page.locator(".ck-widget").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(darkCard).toBe("rgb(21, 24, 30)");

    await page.getByRole("radio", { name: /^Wachstum\b/ }).check();
    await page.getByRole("button", { name: /^5\.000 Credits für .* kaufen$/ }).click();
    await page.waitForURL(/\/portal\/pay\//);
    await page.getByRole("button", { name: "Cancel and return" }).click();
    await page.waitForURL((url) => url.origin === appUrl);
    await expect
      .poll(async () => (await events()).map((e) => e.type), POLL)
      .toEqual(["creditkit-purchase-started", "creditkit-purchase-cancelled"]);
    expect((await events())[1]?.detail).toMatchObject({ status: "cancelled", credits: 5000 });
    await page.close();
  });
});
