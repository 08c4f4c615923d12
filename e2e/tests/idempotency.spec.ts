import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { onlyPurchase, purchaseGrants } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (1 purchase per test). "One click, one purchase": whatever the customer does
// between pressing Buy and paying, Paygentic sees one invoice and one grant is credited.

const PURCHASE_ROUTE = /\/grants\/purchase$/;

test("a double click on Buy creates one invoice", async ({ page, signIn, emulator }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  const creates: string[] = [];
  page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/api/topup/purchases") && creates.push(r.url()));

  await dashboard.buyButton().dblclick();
  await expect(page).toHaveURL(/\/portal\/pay\//);
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));

  const purchase = await onlyPurchase(emulator);
  expect(await emulator.requests({ method: "POST", path: PURCHASE_ROUTE })).toHaveLength(1);
  expect(creates).toHaveLength(1); // the widget's same-tick guard: the second click sent nothing
  expect((await purchaseGrants(page)).map((g) => g.purchaseId)).toEqual([purchase.purchaseId]);
});

test("a reload while the purchase is being created resumes the same purchase", async ({ page, signIn, emulator }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  // Paygentic takes 2 s to answer the first purchase call (it is processed at once): long
  // enough for the customer to lose patience and reload.
  await emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", delayMs: 2000, times: 1 });

  await dashboard.buyButton().click();
  await expect(page.getByRole("button", { name: "Opening the payment page…" })).toBeVisible();
  await snap(page, "1-opening");
  await page.reload();
  await expect(dashboard.buyButton()).toHaveText("Buy 1,000 credits for $10.00");
  await dashboard.buy();
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));

  const purchase = await onlyPurchase(emulator);
  // Every call the BFF made upstream carried the same idempotency key: one invoice.
  const calls = await emulator.requests({ method: "POST", path: PURCHASE_ROUTE });
  expect(new Set(calls.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey))).toEqual(
    new Set([purchase.idempotencyKey]),
  );
  expect((await purchaseGrants(page)).map((g) => g.purchaseId)).toEqual([purchase.purchaseId]);
});

test("back from the hosted page, reload, Buy again: the same payment page, one invoice", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.buy();
  const first = page.url();

  await page.goBack();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.reload();
  await dashboard.buy();
  expect(page.url()).toBe(first);
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));

  const purchase = await onlyPurchase(emulator);
  expect((await purchaseGrants(page)).map((g) => g.purchaseId)).toEqual([purchase.purchaseId]);
});
