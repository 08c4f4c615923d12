import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { onlyPurchase, purchaseGrants } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (1 purchase).

test("new-window checkout: pay in the new window, the dashboard updates itself", async ({ page, signIn, emulator }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  await dashboard.open({ checkout: "new-window" });
  const before = await dashboard.balance();

  const popupOpened = page.waitForEvent("popup");
  await dashboard.buyButton().click();
  const popup = await popupOpened;
  await expect(popup).toHaveURL(/\/portal\/pay\//);
  // The payment page cannot reach back into the dashboard.
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  // The dashboard stays where it is and says where the payment happens.
  await expect(page).toHaveURL(/\/\?checkout=new-window$/);
  await expect(dashboard.outcomeMessage).toHaveText("Finish paying for 1,000 credits ($10.00) in the new window.");
  await snap(page, "1-waiting-for-the-new-window");

  await emulator.pay(popup);
  // Nothing is done on the dashboard: it notices the payment by itself.
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 1000));
  await expect(dashboard.firstGrant()).toContainText("New");
  await snap(page, "2-credited");
  const purchase = await onlyPurchase(emulator);
  expect((await purchaseGrants(page)).map((g) => g.purchaseId)).toEqual([purchase.purchaseId]);
});
