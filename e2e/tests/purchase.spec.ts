import { join } from "node:path";
import { creditsText, Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { type BffPurchase, bffGet, onlyPurchase, purchaseGrants } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (1 purchase).

test("buy a pack, pay on the hosted page, come back credited", async ({ page, signIn, emulator }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  await snap(page, "1-dashboard");

  await dashboard.pack("Growth").check();
  await expect(dashboard.total).toHaveText("Total: $45.00");
  await expect(dashboard.buyButton()).toHaveText("Buy 5,000 credits for $45.00");
  await dashboard.buy();
  await expect(page.getByText("5,000 credits")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay $45.00" })).toBeVisible();
  await snap(page, "2-hosted-page");

  const visited: string[] = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && visited.push(frame.url()));
  await emulator.pay(page);
  const purchase = await onlyPurchase(emulator);
  // Paygentic sent the customer to the success URL the BFF built for this purchase.
  expect(visited[0]).toBe(purchase.successUrl);
  // Credited only once the BFF says paid: the outcome, the balance and the history together.
  await expect(dashboard.outcomeMessage).toHaveText(/5,000 credits added to your balance\./);
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + 5000));
  await expect(dashboard.firstGrant()).toContainText("New");
  await expect(dashboard.firstGrant()).toContainText("Purchase");
  await expect(dashboard.firstGrant()).toContainText("5,000");
  // Once final, the return parameters leave the address bar.
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.search === "");
  await snap(page, "3-credited");
  if (process.env.UPDATE_SCREENSHOT) {
    // The README's picture: the dashboard right after a purchase was credited.
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: join(import.meta.dirname, "..", "..", "docs", "dashboard.png"), fullPage: true });
  }

  const status = await bffGet<BffPurchase>(page, `/purchases/${purchase.purchaseId}`);
  expect(status).toMatchObject({ status: "paid", credits: 5000, price: "45.00" });
  const grants = await purchaseGrants(page);
  expect(grants.map((g) => [g.amount, g.purchaseId])).toEqual([[5000, purchase.purchaseId]]);
  expect(status.grant?.id).toBe(grants[0]?.id);
});
