import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { onlyPurchase } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Bob (2 purchase attempts: one refused while Paygentic is down, one that succeeds).

const UNAVAILABLE = "Payment service unavailable. Please try again.";

test("Paygentic down while buying: a clear message, and Retry succeeds once it is back", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  // Every purchase call answers 503 (Retry-After: 0, so the BFF's own retries are quick).
  await emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", status: 503, retryAfter: 0 });

  await dashboard.buyButton().click();
  const error = page.locator(".ck-buy").getByRole("alert");
  await expect(error).toContainText(UNAVAILABLE);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await snap(page, "1-unavailable");
  expect(await emulator.purchases()).toEqual([]);

  await emulator.clearFaults();
  await error.getByRole("button", { name: "Retry" }).click();
  await expect(page).toHaveURL(/\/portal\/pay\//);
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
  await onlyPurchase(emulator);
});

test("Paygentic down while loading the history: the rest of the page works, Retry loads it", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  await emulator.fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 503, retryAfter: 0 });

  // The server render leaves the failed part out; the browser tries again, then says why.
  await page.reload();
  const history = page.locator(".ck-history");
  await expect(history.getByRole("alert")).toContainText(UNAVAILABLE);
  await expect(dashboard.balanceValue).toBeVisible();
  await expect(dashboard.buyButton()).toBeEnabled();
  await snap(page, "1-history-unavailable");

  await emulator.clearFaults();
  await history.getByRole("button", { name: "Retry" }).click();
  await expect(dashboard.historyRows.first()).toBeVisible();
  await expect(history.getByRole("alert")).toHaveCount(0);
});
