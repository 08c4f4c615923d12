import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/**
 * Runs axe-core over the whole page (every rule axe enables by default: WCAG 2.x A/AA and its
 * best practices) and fails with one line per violating node. The full report is attached to
 * the test, so a failure can be read without re-running it.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  await test.info().attach(`axe ${state}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const problems = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
  );
  expect(problems, `axe violations on ${state} (${page.url()})`).toEqual([]);
}
