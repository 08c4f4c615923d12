import { expectAccessible } from "../support/a11y.ts";
import { Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { expectNoHorizontalOverflow } from "../support/layout.ts";
import { snap } from "../support/screens.ts";

// Customers: Carol (1 purchase per color scheme; the low-balance notice makes her page the longest),
// and Alice for the dark desktop page (no purchase).
// A phone-sized viewport (360 × 740) in the light and the dark scheme: nothing scrolls sideways,
// and the dark scheme passes axe too (its contrast is the part most likely to break).

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`360 × 740, ${colorScheme}`, () => {
    test.use({ viewport: { width: 360, height: 740 }, colorScheme });

    test("sign-in, dashboard, custom amount, German, an outcome and the hosted page fit the width", async ({
      page,
      signIn,
      emulator,
    }) => {
      await page.goto("/signin");
      await expectNoHorizontalOverflow(page, "sign-in");
      await snap(page, "1-sign-in");
      if (colorScheme === "dark") await expectAccessible(page, "sign-in, dark");

      await signIn("acme-carol");
      const dashboard = new Dashboard(page);
      await expect(page.getByText("Your balance is running low.")).toBeVisible();
      await expectNoHorizontalOverflow(page, "dashboard");
      await snap(page, "2-dashboard");
      if (colorScheme === "dark") await expectAccessible(page, "dashboard, dark");

      await page.getByRole("radio", { name: "Custom amount" }).check();
      await page.getByRole("textbox", { name: "Number of credits" }).fill("100000");
      await expect(dashboard.total).toHaveText("Total: $1,000.00");
      await expectNoHorizontalOverflow(page, "dashboard with a custom amount");

      await dashboard.open({ lang: "de" });
      await expect(page.getByText("Verfügbares Guthaben").or(page.locator(".ck-balance-label"))).toBeVisible();
      await expectNoHorizontalOverflow(page, "dashboard in German");
      await snap(page, "3-dashboard-de");

      await dashboard.open();
      await dashboard.buy();
      await expectNoHorizontalOverflow(page, "hosted page");
      await snap(page, "4-hosted-page");
      if (colorScheme === "dark") await expectAccessible(page, "hosted page, dark");
      await emulator.cancel(page);
      await expect(dashboard.outcomeMessage).toHaveText("Payment cancelled. You were not charged.");
      await expectNoHorizontalOverflow(page, "dashboard with an outcome");
      await snap(page, "5-cancelled");
      if (colorScheme === "dark") await expectAccessible(page, "dashboard cancelled, dark");
    });
  });
}

test.describe("dark scheme", () => {
  test.use({ colorScheme: "dark" });

  test("the demo's page follows the dark scheme, as the widget does", async ({ page, signIn }) => {
    await signIn("acme-alice");
    const luminance = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          // Relative luminance (WCAG) of the element's computed background colour.
          const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
          const lin = (channel = 0) => {
            const c = channel / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        });
    expect(await luminance(".ck-widget"), "the widget's card").toBeLessThan(0.1);
    expect(await luminance("html"), "the page behind it").toBeLessThan(0.1);
    expect(await luminance(".app-header"), "the page's header").toBeLessThan(0.1);
    await snap(page, "dark-dashboard");
    await expectAccessible(page, "dashboard, dark, desktop");
  });
});
