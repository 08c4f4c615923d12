import { creditsText, Dashboard, usd } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { sameAmount, unitPriceTimes } from "../support/money.ts";
import { bffGet, onlyPurchase } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Bob (1 purchase).

interface CustomRules {
  minCredits: number;
  maxCredits: number;
  step: number;
  unitPrice: string;
  minPrice: string;
}

test("a custom amount: the total, the hosted page and the invoice all equal unitPrice × credits", async ({
  page,
  signIn,
  emulator,
}) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const before = await dashboard.balance();
  const { custom } = await bffGet<{ custom: CustomRules }>(page, "/catalog");
  const credits = 12_300;
  const price = unitPriceTimes(custom.unitPrice, credits, 2);

  await page.getByRole("radio", { name: "Custom amount" }).check();
  const amount = page.getByRole("textbox", { name: "Number of credits" });
  await expect(amount).toHaveValue(String(custom.minCredits));
  await amount.fill(String(credits));
  await expect(dashboard.total).toHaveText(`Total: ${usd(price)}`);
  await expect(dashboard.buyButton()).toHaveText(`Buy ${creditsText(credits)} for ${usd(price)}`);
  await snap(page, "1-custom-amount");

  await dashboard.buy();
  await expect(page.getByText(creditsText(credits))).toBeVisible();
  await expect(page.locator("dd.total")).toHaveText(usd(price));
  await expect(page.getByRole("button", { name: `Pay ${usd(price)}` })).toBeVisible();
  await snap(page, "2-hosted-page");

  const purchase = await onlyPurchase(emulator);
  expect(purchase.credits).toBe(credits);
  expect(sameAmount(purchase.price, price)).toBe(true);
  const invoice = await emulator.invoice((await emulator.hostedPage(page)).invoiceId);
  expect(sameAmount(invoice.grandTotal, price), `invoice total ${invoice.grandTotal} vs ${price}`).toBe(true);
  expect(invoice.currency).toBe("USD");

  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText(`${creditsText(credits)} added to your balance.`);
  await expect(dashboard.balanceValue).toHaveText(creditsText(before + credits));
});

test("an amount the rules refuse cannot be bought, and the rule says why", async ({ page, signIn, emulator }) => {
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  const { custom } = await bffGet<{ custom: CustomRules }>(page, "/catalog");
  await page.getByRole("radio", { name: "Custom amount" }).check();
  const amount = page.getByRole("textbox", { name: "Number of credits" });
  const hint = `Between ${custom.minCredits.toLocaleString("en-US")} and ${custom.maxCredits.toLocaleString("en-US")}, in steps of ${custom.step}.`;
  await expect(amount).toHaveAccessibleDescription(hint);

  for (const refused of [
    custom.minCredits + custom.step / 2,
    custom.minCredits - custom.step,
    custom.maxCredits + custom.step,
  ]) {
    await amount.fill(String(refused));
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    const buy = page.getByRole("button", { name: "Choose a pack" });
    await expect(buy).toHaveAttribute("aria-disabled", "true");
    await buy.click({ force: true }); // aria-disabled is not disabled: the click lands, and does nothing
  }
  await snap(page, "refused-amount");
  expect(await emulator.requests({ method: "POST" })).toEqual([]);
  // The BFF refuses the same amounts on its own, naming the field.
  const res = await page.request.post("/api/topup/purchases", {
    headers: { "idempotency-key": "e2e_refused_amount_1", origin: new URL(page.url()).origin },
    data: { credits: custom.minCredits + custom.step / 2 },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "validation_failed", field: "credits" });
  await expect(dashboard.balanceValue).toBeVisible();
});
