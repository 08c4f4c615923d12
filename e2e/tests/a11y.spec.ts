import { expectAccessible } from "../support/a11y.ts";
import { Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { type BffPurchase, bffGet, onlyPurchase } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Carol (6 purchases in all): her balance is low, so the low-balance notice is on too.
// axe runs over the whole page in every state a purchase goes through, on both origins.

test("the sign-in page", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Sign in as/ }).first()).toBeVisible();
  await expectAccessible(page, "sign-in");
});

test("idle with the low-balance notice, opening the payment page, the hosted page open and declined, failed", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await expect(page.getByText("Your balance is running low.")).toBeVisible();
  await expectAccessible(page, "dashboard idle, low balance");

  // Hold the purchase request in the browser (not answered for it, only delayed) so the
  // "Opening the payment page…" state stays put while axe looks at it.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/topup/purchases", async (route) => {
    await released;
    await route.continue();
  });
  await dashboard.buyButton().click();
  await expect(page.getByRole("button", { name: "Opening the payment page…" })).toBeVisible();
  await expectAccessible(page, "dashboard opening the payment page");
  release();

  await expect(page).toHaveURL(/\/portal\/pay\//);
  await expectAccessible(page, "hosted page open");
  await emulator.decline(page);
  await expectAccessible(page, "hosted page declined");

  // The customer gives up after the decline and goes back to the merchant.
  const purchase = await onlyPurchase(emulator);
  await page.goto(purchase.successUrl);
  await expect(dashboard.outcomeMessage).toHaveText("The payment failed. No credits were added.");
  expect((await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`)).status).toBe("failed");
  await snap(page, "failed");
  await expectAccessible(page, "dashboard failed");
});

test("pending, then credited, and the hosted page once paid", async ({ page, signIn, emulator }) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await dashboard.buy();
  const paymentPage = page.url();
  const { paymentSessionId } = await emulator.hostedPage(page);

  // Back at the merchant before paying: the purchase is pending.
  const purchase = await onlyPurchase(emulator);
  await page.goto(purchase.successUrl);
  await expect(dashboard.outcomeMessage).toHaveText(
    "Payment for 1,000 credits ($10.00) in progress. Credits appear once it is confirmed.",
  );
  await snap(page, "pending");
  await expectAccessible(page, "dashboard pending");

  // The payment completes elsewhere (another device): the dashboard turns credited by itself.
  await emulator.completeSession(paymentSessionId);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.firstGrant()).toContainText("New");
  await snap(page, "credited");
  await expectAccessible(page, "dashboard credited");

  await page.goto(paymentPage);
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expectAccessible(page, "hosted page paid");
});

test("cancelled, and the hosted page after cancelling", async ({ page, signIn, emulator }) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await dashboard.buy();
  const paymentPage = page.url();
  await emulator.cancel(page);
  await expect(dashboard.outcomeMessage).toHaveText("Payment cancelled. You were not charged.");
  await expectAccessible(page, "dashboard cancelled");

  await page.goto(paymentPage);
  await expect(page.getByRole("heading", { name: "Payment cancelled" })).toBeVisible();
  await expectAccessible(page, "hosted page cancelled");
});

test("expired, on the hosted page and on the dashboard", async ({ page, signIn, emulator }) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await dashboard.buy();
  const purchase = await onlyPurchase(emulator);
  await emulator.expire(await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`));
  await page.reload();
  await expect(page.getByRole("heading", { name: "This payment link has expired" })).toBeVisible();
  await expectAccessible(page, "hosted page expired");

  await page.goto(purchase.cancelUrl);
  await expect(dashboard.outcomeMessage).toHaveText("The payment session expired. No credits were added.");
  await expectAccessible(page, "dashboard expired");
});

test("Paygentic unavailable: the error under Buy", async ({ page, signIn, emulator }) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", status: 503, retryAfter: 0 });
  await dashboard.buyButton().click();
  await expect(page.locator(".ck-buy").getByRole("alert")).toContainText("Payment service unavailable.");
  await expectAccessible(page, "dashboard purchase error");
});

test("new-window checkout: waiting for the payment in the other window", async ({ page, signIn }) => {
  await signIn("acme-carol");
  const dashboard = new Dashboard(page);
  await dashboard.open({ checkout: "new-window" });
  const popup = page.waitForEvent("popup");
  await dashboard.buyButton().click();
  await (await popup).waitForURL(/\/portal\/pay\//);
  await expect(dashboard.outcomeMessage).toHaveText("Finish paying for 1,000 credits ($10.00) in the new window.");
  await expectAccessible(page, "dashboard waiting for the new window");
});
