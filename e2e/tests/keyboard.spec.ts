import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { tabTo } from "../support/keyboard.ts";
import { onlyPurchase } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (1 purchase). No mouse from start to finish: Tab, arrow keys, Enter, Space.

test("the whole purchase by keyboard alone", async ({ page, emulator }) => {
  const before = await emulator.balance("acme-alice");
  await page.goto("/signin");
  await tabTo(page, page.getByRole("button", { name: "Sign in as Alice Martin" }));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/");
  const dashboard = new Dashboard(page);

  // Tab enters the pack group at the chosen pack; the arrow keys move the choice.
  await tabTo(page, dashboard.pack("Starter"));
  await expect(dashboard.pack("Starter")).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(dashboard.pack("Growth")).toBeChecked();
  await expect(dashboard.pack("Growth")).toBeFocused();
  await expect(dashboard.total).toHaveText("Total: $45.00");
  await snap(page, "1-growth-chosen");

  // The group is one Tab stop: the next Tab leaves it for Buy.
  await page.keyboard.press("Tab");
  await expect(dashboard.buyButton()).toBeFocused();
  await expect(dashboard.buyButton()).toHaveText("Buy 5,000 credits for $45.00");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/portal\/pay\//);

  await tabTo(page, page.getByRole("button", { name: "Pay $45.00" }));
  await snap(page, "2-hosted-page-pay-focused");
  await page.keyboard.press("Enter");

  // Back on the dashboard the outcome has focus, so a screen reader reads it first.
  await expect(dashboard.outcomeMessage).toHaveText("5,000 credits added to your balance.");
  await expect(dashboard.outcome).toBeFocused();
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 5000));
  await snap(page, "3-credited");
  await page.keyboard.press("Tab");
  await expect(dashboard.outcome.getByRole("button", { name: "Dismiss" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(dashboard.outcome).toHaveCount(0);
  expect((await onlyPurchase(emulator)).credits).toBe(5000);
});
