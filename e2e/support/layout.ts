import { expect, type Page } from "@playwright/test";

/**
 * No horizontal scrolling: the document is no wider than the viewport. On failure, names the
 * elements that stick out past the right edge, which is where a fix starts.
 */
export async function expectNoHorizontalOverflow(page: Page, state: string): Promise<void> {
  const report = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) {
        const cls =
          typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
        culprits.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 10) };
  });
  expect(
    report.scrollWidth,
    `${state}: page is ${report.scrollWidth}px wide in a ${report.clientWidth}px viewport; sticking out: ${report.culprits.join(", ")}`,
  ).toBeLessThanOrEqual(report.clientWidth);
}
