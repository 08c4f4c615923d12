import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { expectNoHorizontalOverflow } from "../support/layout.ts";

// The widget under a host page's global stylesheet that does what real ones do (stock create-vite's
// `#root { text-align: center }` and heading colours, a CSS reset's `* { … }`, a layout that centres
// its items in a flex column), injected into the demo dashboard. The app's CSP allows only its own
// nonce'd styles, so the test bypasses CSP to add the stylesheet, as a merchant's bundle would.
//
// The host's heading colour is picked to vanish on the widget's card in each scheme: a near-white
// `h2` on the light card, create-vite's dark text on the dark card.
const HOST_HEADING = { light: "rgba(255, 255, 255, 0.87)", dark: "#213547" } as const;

function hostileStylesheet(headingColor: string): string {
  return `
    * { line-height: 2.6; letter-spacing: 0.15em; word-spacing: 0.5em; box-sizing: content-box;
        text-transform: uppercase; font-family: Georgia, serif; }
    body { text-align: center; }
    .main { display: flex; flex-direction: column; align-items: center; text-align: center; }
    h2, h3 { color: ${headingColor}; font-size: 3.2em; font-weight: 300; line-height: 1.1; margin: 1em 0; }
    p, legend { margin: 1.5em 0; font-size: 1.3em; }
    label { display: block; text-align: center; }
    td, th { text-align: center; padding: 1.5em; }
    button { padding: 0.6em 1.2em; font-size: 1em; font-weight: 500; background-color: #1a1a1a;
             border-radius: 8px; border: 1px solid transparent; }
  `;
}

/** WCAG contrast ratio between two computed `rgb(…)`/`rgba(…)` colours (alpha composited on `behind`). */
async function contrastOf(page: Page, textSelector: string, backgroundSelector: string): Promise<number> {
  return page.evaluate(
    ([text, background]) => {
      const rgba = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      const [br = 0, bg = 0, bb = 0] = rgba(
        getComputedStyle(document.querySelector(background) as Element).backgroundColor,
      );
      const [r = 0, g = 0, b = 0, a = 1] = rgba(getComputedStyle(document.querySelector(text) as Element).color);
      const mix = (fg: number, back: number) => fg * a + back * (1 - a);
      const lum = (red: number, green: number, blue: number) => {
        const lin = (channel: number) => {
          const c = channel / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue);
      };
      const [hi, lo] = [lum(mix(r, br), mix(g, bg), mix(b, bb)), lum(br, bg, bb)].sort((x, y) => y - x) as [
        number,
        number,
      ];
      return (hi + 0.05) / (lo + 0.05);
    },
    [textSelector, backgroundSelector] as const,
  );
}

test.use({ bypassCSP: true, viewport: { width: 1200, height: 900 } });

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`a hostile host stylesheet, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("the widget keeps its alignment, width, table layout and heading contrast", async ({ page, signIn }) => {
      await signIn("acme-alice");
      await expect(page.locator(".ck-balance-value")).toBeVisible();
      await page.addStyleTag({ content: hostileStylesheet(HOST_HEADING[colorScheme]) });
      // The stylesheet does reach the page around the widget (else this test proves nothing).
      await expect(page.locator(".main > h1")).toHaveCSS("text-transform", "uppercase");
      await expect(page.locator(".main")).toHaveCSS("align-items", "center");

      // Width: the widget fills its container (the flex column centring its items), so the history
      // stays a table instead of switching to the stacked cards meant for phones.
      const widths = await page.evaluate(() => {
        const main = document.querySelector(".main") as HTMLElement;
        const style = getComputedStyle(main);
        const content = main.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return { content, widget: (document.querySelector(".ck-widget") as HTMLElement).getBoundingClientRect().width };
      });
      expect(widths.widget, "the widget's width against its container's content width").toBeCloseTo(widths.content, 0);
      const header = page.locator(".ck-table thead");
      await expect(header).toBeVisible();
      expect(
        (await header.boundingBox())?.height ?? 0,
        "the history's column headers, not the phone layout",
      ).toBeGreaterThan(20);

      // Alignment, spacing and box model come from the widget, not from the page's `*`, `td`, `label`.
      for (const part of [".ck-pack-name", ".ck-pack-credits", ".ck-total", ".ck-table td", ".ck-legend"]) {
        const first = page.locator(part).first();
        await expect(first, part).toHaveCSS("text-align", "start");
        await expect(first, part).toHaveCSS("letter-spacing", "normal");
        await expect(first, part).toHaveCSS("word-spacing", "0px");
        await expect(first, part).toHaveCSS("text-transform", "none");
      }
      await expect(page.locator(".ck-pack-name").first()).toHaveCSS("line-height", "24px");
      await expect(page.locator(".ck-pack").first()).toHaveCSS("box-sizing", "border-box");
      await expect(page.locator(".ck-widget")).toHaveCSS("font-family", /system-ui/);
      // The pack name starts beside its radio, not centred in the card.
      const [radio, name] = await Promise.all([
        page.locator(".ck-pack input").first().boundingBox(),
        page
          .locator(".ck-pack-name")
          .first()
          .evaluate((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return range.getBoundingClientRect().left;
          }),
      ]);
      expect(name - ((radio?.x ?? 0) + (radio?.width ?? 0)), "gap between radio and pack name").toBeLessThan(20);

      // The title: the widget's size and colour, readable on its card in this scheme.
      const title = page.locator(".ck-title");
      await expect(title).toHaveCSS("font-size", "20px");
      await expect(title).toHaveCSS("margin-top", "0px");
      expect(await contrastOf(page, ".ck-title", ".ck-widget"), "title on the card").toBeGreaterThanOrEqual(4.5);
      expect(await contrastOf(page, ".ck-history .ck-heading", ".ck-widget"), "history heading").toBeGreaterThanOrEqual(
        4.5,
      );
      await expectNoHorizontalOverflow(page, "hostile stylesheet");
    });
  });
}

test.describe("a hostile host stylesheet on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the widget fills the column and nothing scrolls sideways", async ({ page, signIn }) => {
    await signIn("acme-alice");
    await expect(page.locator(".ck-balance-value")).toBeVisible();
    await page.addStyleTag({ content: hostileStylesheet(HOST_HEADING.light) });
    await expect(page.locator(".main")).toHaveCSS("align-items", "center");
    await expect(page.locator(".ck-pack").first()).toHaveCSS("box-sizing", "border-box");
    await expectNoHorizontalOverflow(page, "hostile stylesheet, 360px");
  });
});
