import type { Locator, Page } from "@playwright/test";
import { Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { type BffGrant, bffGet } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (no purchases): 25 live grants and one voided, so the history has 3 pages of 10.

const PAGE_SIZE = 10;

async function grantsPage(page: Page, index: number, includeVoided: boolean) {
  return bffGet<{ grants: BffGrant[]; pagination: { total: number } }>(
    page,
    `/grants?limit=${PAGE_SIZE}&offset=${index * PAGE_SIZE}&includeVoided=${includeVoided}`,
  );
}

/** Each row's status and amount cells, as shown. */
async function shownRows(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim() ?? "");
      return `${cells[0]} ${cells[2]}`;
    }),
  );
}

function expectedRows(grants: BffGrant[]): string[] {
  const label = { active: "Active", scheduled: "Scheduled", expired: "Expired", voided: "Voided" } as const;
  return grants.map((g) => `${label[g.status as keyof typeof label]} ${g.amount.toLocaleString("en-US")}`);
}

test("the history pages through every grant, newest first", async ({ page, signIn }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const previous = page.getByRole("button", { name: "Previous" });
  const next = page.getByRole("button", { name: "Next" });
  const { pagination } = await grantsPage(page, 0, false);
  const pages = Math.ceil(pagination.total / PAGE_SIZE);
  expect(pages).toBe(3);

  for (let index = 0; index < pages; index++) {
    await expect(dashboard.pageInfo).toHaveText(`Page ${index + 1} of ${pages}`);
    const { grants } = await grantsPage(page, index, false);
    await expect.poll(() => shownRows(dashboard.historyRows)).toEqual(expectedRows(grants));
    await expect(previous).toBeEnabled({ enabled: index > 0 });
    await expect(next).toBeEnabled({ enabled: index < pages - 1 });
    await snap(page, `page-${index + 1}`);
    if (index < pages - 1) await next.click();
  }
  await previous.click();
  await expect(dashboard.pageInfo).toHaveText(`Page 2 of ${pages}`);
  await expect(dashboard.historyRows.filter({ hasText: "Voided" })).toHaveCount(0);
});

test("the voided switch shows voided grants, and hides them again", async ({ page, signIn }) => {
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  const all = await bffGet<{ grants: BffGrant[] }>(page, "/grants?limit=100&includeVoided=true");
  const voidedAt = all.grants.findIndex((g) => g.status === "voided");
  expect(voidedAt).toBeGreaterThanOrEqual(0);
  const voidedPage = Math.floor(voidedAt / PAGE_SIZE);

  await page.getByRole("button", { name: "Next" }).click();
  await expect(dashboard.pageInfo).toHaveText("Page 2 of 3");
  await dashboard.voidedSwitch.check();
  await expect(dashboard.voidedSwitch).toBeChecked();
  // Other options, other list: back to the first page.
  await expect(dashboard.pageInfo).toHaveText(`Page 1 of ${Math.ceil(all.grants.length / PAGE_SIZE)}`);
  for (let i = 0; i < voidedPage; i++) await page.getByRole("button", { name: "Next" }).click();
  const { grants } = await grantsPage(page, voidedPage, true);
  await expect.poll(() => shownRows(dashboard.historyRows)).toEqual(expectedRows(grants));
  await expect(dashboard.historyRows.filter({ hasText: "Voided" })).toHaveCount(1);
  await snap(page, "voided-shown");

  await dashboard.voidedSwitch.uncheck();
  await expect(dashboard.voidedSwitch).not.toBeChecked();
  await expect(dashboard.historyRows.filter({ hasText: "Voided" })).toHaveCount(0);
  await expect(dashboard.historyRows).toHaveCount(PAGE_SIZE);
});

test("turning the voided switch off again goes back to the first page", async ({ page, signIn }) => {
  // Regression: the page used to be kept per filter, so switching back brought back page 2.
  await signIn("acme-alice");
  const dashboard = new Dashboard(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(dashboard.pageInfo).toHaveText("Page 2 of 3");
  await dashboard.voidedSwitch.check();
  await expect(dashboard.pageInfo).toHaveText("Page 1 of 3");
  await dashboard.voidedSwitch.uncheck();
  await expect(dashboard.pageInfo).toHaveText("Page 1 of 3", { timeout: 3000 });
});
