import { expect, test } from "../support/fixtures.ts";

async function balanceOf(page: import("@playwright/test").Page): Promise<number> {
  const text = await page.locator(".ck-balance-value, [data-ck-balance]").first().innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

test("buy a pack, pay on the hosted page, come back credited", async ({ page, signIn, emulator }) => {
  await signIn();
  await expect(page.getByText("Available balance")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });
  await page.getByRole("button", { name: /^Buy / }).click();
  await expect(page).toHaveURL(/\/portal\/pay\//);
  await emulator.pay(page);
  await expect(page.getByText(/added to your balance/)).toBeVisible();
  expect(await emulator.purchases()).toHaveLength(1);
});
