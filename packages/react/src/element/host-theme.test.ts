// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hostThemeCss } from "./host-theme.ts";

const css = readFileSync(new URL("../styles.css", import.meta.url), "utf8");
/** The declarations of every rule whose selector is exactly `selector`, whatever the whitespace. */
const ruleOf = (sheet: string, selector: string) => {
  const bodies = [...sheet.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter((m) => m[1]?.replace(/\/\*[\s\S]*?\*\//g, "").trim() === selector)
    .map((m) => m[2] ?? "");
  expect(bodies.length, selector).toBeGreaterThan(0);
  return bodies.join(";");
};

describe("hostThemeCss", () => {
  const sheet = hostThemeCss(css);

  it("declares the theme's custom properties on :host, where a page's rule for the element overrides them", () => {
    expect(ruleOf(sheet, ":host")).toContain("--ck-accent: #1f4fd1");
    expect(ruleOf(sheet, ':host([theme="dark"])')).toContain("--ck-accent: #8fb0ff");
    expect(ruleOf(sheet, ':host(:not([theme="light"]))')).toContain("--ck-accent: #8fb0ff");
    // The dark-unless-light block stays inside its media query.
    expect(sheet).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:host\(:not\(\[theme="light"\]\)\)\{/);
  });

  it("leaves no custom property default on .ck-root, and keeps everything else", () => {
    expect(ruleOf(sheet, ".ck-root")).not.toMatch(/(^|;)\s*--ck-/);
    expect(ruleOf(sheet, ".ck-root")).toContain("text-align: start");
    expect(sheet).toContain(":where(.ck-root) .ck-pack:has(:checked)");
    expect(sheet.startsWith(":host{display:block}")).toBe(true);
  });

  it("works on the minified stylesheet the build inlines", () => {
    const minified = hostThemeCss(css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s*([{};:,])\s*/g, "$1"));
    expect(ruleOf(minified, ":host")).toContain("--ck-accent:#1f4fd1");
    expect(ruleOf(minified, ".ck-root")).not.toMatch(/(^|;)\s*--ck-/);
  });
});
