import { expect, test } from "../support/fixtures.ts";

test("the sign-in page lists the demo customers and signs one in", async ({ page, signIn }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(3);
  await signIn("acme-alice");
  await expect(page).toHaveURL(/\/$/);
});
