import { type Page, test } from "@playwright/test";

/**
 * A full-page screenshot kept as this test's output (test-results/<test>/<name>.png), so every
 * state a test walks through can be looked at after a run, passed or failed.
 */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true, animations: "disabled" });
}
