import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { type BffPurchase, bffGet, onlyPurchase, purchaseGrants } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (1 purchase). This file runs in its own worker: its emulator settles a paid
// invoice only 3 s after Pay (the redirect is immediate), like a card that takes a moment.
// Long enough that the dashboard is reliably back (it takes well under a second here) before the
// grant exists, even on a busy CI machine.
test.use({ settleDelayMs: 3000 });

test("paid but not yet settled: pending on return, then credited once the grant lands", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await dashboard.buy();
  await emulator.pay(page);

  await expect(dashboard.outcomeMessage).toHaveText(
    "Payment for 1,000 credits ($10.00) in progress. Credits appear once it is confirmed.",
  );
  await snap(page, "1-pending");
  // While pending, nothing is shown as credited and the BFF agrees.
  const purchase = await onlyPurchase(emulator);
  expect((await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`)).status).toBe("pending");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before));
  await expect(dashboard.firstGrant()).not.toContainText("New");
  expect(await purchaseGrants(page)).toEqual([]);

  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
  await expect(dashboard.firstGrant()).toContainText("New");
  await snap(page, "2-credited");
  expect((await purchaseGrants(page)).map((g) => g.purchaseId)).toEqual([purchase.purchaseId]);
});
