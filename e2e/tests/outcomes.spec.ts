import { expectAccessible } from "../support/a11y.ts";
import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { type BffPurchase, bffGet, onlyPurchase, purchaseGrants, sentPurchases } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Bob (1 + 2 + 1 + 1 purchases).

test("Cancel on the hosted page: cancelled, nothing credited", async ({ page, signIn, emulator }) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.buy();
  const { invoiceId } = await emulator.hostedPage(page);
  await emulator.cancel(page);

  await expect(dashboard.outcomeMessage).toHaveText("Payment cancelled. You were not charged.");
  await expect(dashboard.outcome.getByRole("button", { name: "Try again" })).toBeVisible();
  await snap(page, "cancelled");
  const purchase = await onlyPurchase(emulator);
  expect((await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`)).status).toBe("cancelled");
  expect((await emulator.invoice(invoiceId)).status).toBe("CANCELLED");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before));
  expect(await purchaseGrants(page)).toEqual([]);
  await expect(page).toHaveURL((url) => url.search === "");
});

test("an expired payment session: the page says so, the dashboard says expired, Try again starts afresh", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.buy();
  const first = await emulator.hostedPage(page);
  const purchase = await onlyPurchase(emulator);
  const { expiresAt } = await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`);

  // The customer leaves the page open past the session's expiry.
  await emulator.expire({ expiresAt });
  await page.reload();
  await expect(page.getByRole("heading", { name: "This payment link has expired" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
  await snap(page, "1-hosted-page-expired");

  // Back through the return link the BFF gave Paygentic for this purchase.
  await page.goto(purchase.cancelUrl);
  await expect(dashboard.outcomeMessage).toHaveText("The payment session expired. No credits were added.");
  await snap(page, "2-expired");
  expect((await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`)).status).toBe("expired");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before));

  // Try again is a new purchase with a new payment session, which can be paid.
  await dashboard.outcome.getByRole("button", { name: "Try again" }).click();
  await expect(page).toHaveURL(/\/portal\/pay\//);
  const second = await emulator.hostedPage(page);
  expect(second.paymentSessionId).not.toBe(first.paymentSessionId);
  const both = await sentPurchases(emulator);
  expect(both).toHaveLength(2);
  expect(both[1]?.idempotencyKey).not.toBe(both[0]?.idempotencyKey);
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
});

test("Decline, then Pay: credited exactly once", async ({ page, signIn, emulator }) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.pack("Growth").check();
  await dashboard.buy();
  const { invoiceId } = await emulator.hostedPage(page);

  await emulator.decline(page);
  await expect(page.getByRole("alert")).toHaveText("Your card was declined. Try again or use another card.");
  await snap(page, "1-hosted-page-declined");
  await emulator.pay(page);

  await expect(dashboard.outcomeMessage).toHaveText("5,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 5000));
  await snap(page, "2-credited");
  const purchase = await onlyPurchase(emulator);
  expect((await purchaseGrants(page)).map((g) => [g.amount, g.purchaseId])).toEqual([[5000, purchase.purchaseId]]);
  const invoice = await emulator.invoice(invoiceId);
  expect(invoice.status).toBe("PAID");
  const transitions = ((invoice.metadata?.transitions ?? []) as Array<{ status: string }>).map((t) => t.status);
  expect(transitions).toEqual(["ISSUED", "PAYMENT_FAILED", "PAID"]);
});

test("no answer for a minute: still processing, and Continue payment resumes the same payment page", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.buy();
  const { paymentSessionId } = await emulator.hostedPage(page);
  const purchase = await onlyPurchase(emulator);

  // Back at the merchant without paying, on a browser clock the test moves: the widget polls for
  // its one-minute budget, then says the payment is still processing.
  await page.clock.install();
  await page.goto(purchase.successUrl);
  await expect(dashboard.outcomeMessage).toHaveText(/^Payment for 1,000 credits \(\$10\.00\) in progress/);
  const stillProcessing = "Your payment is still processing. We'll check again when you return to this tab.";
  await expect
    .poll(
      async () => {
        await page.clock.runFor(6_000);
        return dashboard.outcomeMessage.textContent();
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(stillProcessing);
  await expect(dashboard.outcome.getByRole("button", { name: "Check again" })).toBeVisible();
  await snap(page, "1-still-processing");
  await expectAccessible(page, "dashboard still processing");

  await page.clock.resume();
  await dashboard.outcome.getByRole("button", { name: "Continue payment" }).click();
  await expect(page).toHaveURL(/\/portal\/pay\//);
  expect((await emulator.hostedPage(page)).paymentSessionId).toBe(paymentSessionId);
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
  await onlyPurchase(emulator);
});
