import type { Page } from "@playwright/test";
import { expectAccessible } from "../support/a11y.ts";
import { Dashboard } from "../support/dashboard.ts";
import { expect, STAFF_PASSWORD, test } from "../support/fixtures.ts";

// Customer: Alice (1 purchase, refunded), through the support console (issue 11).

async function staffSignIn(page: Page) {
  await page.goto("/admin");
  await expect(page.getByText("Staff only. This is not the customers' sign-in.")).toBeVisible();
  await page.getByLabel("Staff password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in as staff" }).click();
  await expect(page.getByRole("heading", { name: "Support console", level: 2 })).toBeVisible();
}

async function findAlice(page: Page) {
  await page.getByRole("searchbox", { name: "Find a customer" }).fill("acme-alice");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("heading", { name: "Alice Martin" })).toBeVisible();
}

const console_ = (page: Page) => page.locator(".ck-console");
const status = (page: Page) => page.locator(".ck-console-status");

test("a customer's session alone does not open the console, nor its API", async ({ page, signIn }) => {
  await signIn("acme-alice");
  await page.goto("/admin");
  await expect(page.getByLabel("Staff password")).toBeVisible();
  const res = await page.request.get("/api/topup-admin/customers?externalId=acme-alice");
  expect(res.status()).toBe(403);
  await expectAccessible(page, "admin sign-in");
});

test("staff grant Alice 500 promotional credits; she sees them labelled so on her own dashboard", async ({
  page,
  browser,
  emulator,
  baseURL,
}) => {
  await staffSignIn(page);
  await findAlice(page);
  const before = await emulator.balance("acme-alice");
  await expectAccessible(page, "customer found");

  const form = page.getByRole("region", { name: "Give credits" });
  await form.getByRole("textbox", { name: "Credits" }).fill("500");
  await form.getByRole("textbox", { name: "Reason" }).fill("Sorry for the outage");
  await form.getByRole("button", { name: "Review" }).click();
  const confirm = page.getByRole("region", { name: "Confirm" });
  await expect(confirm).toContainText(
    "Give Alice Martin 500 credits as Promotional, available at once, never expiring.",
  );
  await expectAccessible(page, "confirm grant");
  await confirm.getByRole("button", { name: "Confirm grant" }).click();
  await expect(status(page)).toHaveText("Gave 500 credits (Promotional).");
  expect(await emulator.balance("acme-alice")).toBe(before + 500);
  const newest = console_(page).locator("tbody tr").first();
  await expect(newest).toContainText("Promotional");
  await expect(newest).toContainText("500");

  // Alice, in her own browser session: the grant is in her history, labelled promotional.
  const alice = await browser.newContext({ baseURL });
  const alicePage = await alice.newPage();
  await alicePage.goto("/signin");
  await alicePage.getByRole("button", { name: /Sign in as Alice/i }).click();
  await alicePage.waitForURL((url) => url.pathname === "/");
  const dashboard = new Dashboard(alicePage);
  await expect(dashboard.historyRows.first()).toContainText("Promotional");
  await expect(dashboard.historyRows.first()).toContainText("500");
  await alice.close();
});

test("staff void a grant and refund a purchase, each after a confirm step", async ({
  page,
  browser,
  emulator,
  baseURL,
}) => {
  // Alice buys the Starter pack and pays, in her own session.
  const alice = await browser.newContext({ baseURL });
  const alicePage = await alice.newPage();
  await alicePage.goto("/signin");
  await alicePage.getByRole("button", { name: /Sign in as Alice/i }).click();
  await alicePage.waitForURL((url) => url.pathname === "/");
  const dashboard = new Dashboard(alicePage);
  await dashboard.pack("Starter").check();
  await dashboard.buy();
  await emulator.pay(alicePage);
  await expect(dashboard.outcomeMessage).toHaveText(/1,000 credits added to your balance\./);
  await alice.close();

  await staffSignIn(page);
  await findAlice(page);

  // Void the oldest-looking live grant on the first page that is not the purchase.
  await page
    .getByRole("button", { name: /^Void grant of .*\((Plan|Other)\)$/ })
    .first()
    .click();
  let confirm = page.getByRole("region", { name: "Confirm" });
  await expect(confirm.getByRole("heading", { name: "Confirm" })).toBeFocused();
  await confirm.getByRole("textbox", { name: "Reason" }).fill("Granted by mistake");
  await confirm.getByRole("button", { name: "Confirm void" }).click();
  await expect(status(page)).toHaveText(/^Voided the grant of [\d,]+ credits?\.$/);

  // Refund the purchase: credits taken back first, then the payment refunded.
  const before = await emulator.balance("acme-alice");
  await page.getByRole("button", { name: "Refund purchase of 1,000 credits" }).click();
  confirm = page.getByRole("region", { name: "Confirm" });
  await expect(confirm).toContainText("its 1,000 credits are taken back from Alice Martin's balance first");
  await expectAccessible(page, "confirm refund");
  await confirm.getByRole("textbox", { name: "Reason" }).fill("Customer asked");
  await confirm.getByRole("button", { name: "Confirm refund" }).click();
  await expect(status(page)).toHaveText("Refunded $10.00; 1,000 credits taken back.");
  expect(await emulator.balance("acme-alice")).toBe(before - 1000);
  expect(await emulator.refunds()).toHaveLength(1);
  await expectAccessible(page, "after refund");
});
