import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, and fails if it
 * is not reached within `limit` presses: a control the Tab order never reaches is a bug.
 */
export async function tabTo(page: Page, target: Locator, { limit = 40, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target, `not reached with ${limit} presses of Tab`).toBeFocused({ timeout: 1 });
}
