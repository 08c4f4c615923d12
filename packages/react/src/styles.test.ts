// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");

/** The custom properties declared in the first block whose selector starts with `selector`. */
function themeBlock(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `block ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/--ck-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
}

/** `a, b:where(c, d)` → ["a", "b:where(c, d)"]: commas inside parentheses do not separate selectors. */
function splitTopLevel(group: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of group) {
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    if (char === "(") depth++;
    if (char === ")") depth--;
    current += char;
  }
  return [...parts, current.trim()];
}

function luminance(hex: string): number {
  const value = hex.replace("#", "");
  const channels = [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = themeBlock(".ck-root");
const darkMedia = themeBlock('.ck-root:not([data-ck-theme="light"]):not([data-ck-theme="light"] *)');
const darkForced = themeBlock('.ck-root[data-ck-theme="dark"],\n[data-ck-theme="dark"] .ck-root');

// Text pairs need 4.5:1 (WCAG AA, normal text); borders, focus rings and controls 3:1 (1.4.11).
const TEXT_PAIRS: Array<[string, string]> = [
  ["fg", "bg"],
  ["fg", "surface"],
  ["fg", "highlight"],
  ["fg", "danger-bg"],
  ["fg", "warning-bg"],
  ["fg", "success-bg"],
  ["muted", "bg"],
  ["muted", "surface"],
  ["muted", "highlight"],
  ["accent-fg", "accent"],
  ["danger", "bg"],
  ["danger", "danger-bg"],
  ["success", "success-bg"],
  ["success", "bg"],
];
const UI_PAIRS: Array<[string, string]> = [
  ["control", "bg"],
  ["focus", "bg"],
  ["focus", "surface"],
  ["accent", "bg"],
  ["accent", "highlight"],
  ["warning", "warning-bg"],
  ["danger", "danger-bg"],
];

describe("styles.css", () => {
  it.each([
    ["light", light],
    ["dark (prefers-color-scheme)", darkMedia],
    ["dark (data-ck-theme)", darkForced],
  ])("%s theme meets WCAG AA contrast", (_name, theme) => {
    for (const [fg, bg] of TEXT_PAIRS) {
      expect(contrast(theme[fg] as string, theme[bg] as string), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const [fg, bg] of UI_PAIRS) {
      expect(contrast(theme[fg] as string, theme[bg] as string), `${fg} against ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("declares the same custom properties in both dark blocks", () => {
    expect(darkForced).toEqual(darkMedia);
    expect(Object.keys(darkMedia).sort()).toEqual(
      Object.keys(light)
        .filter((k) => !["font", "radius", "gap"].includes(k))
        .sort(),
    );
  });

  it("only styles ck- classes under the root: no global element or id selectors", () => {
    const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
    const selectors = [...withoutComments.matchAll(/(^|})\s*([^{}@]+?)\s*\{/g)]
      .map((m) => m[2]?.trim() ?? "")
      .filter((s) => s && !/^(from|to|\d+%)$/.test(s));
    expect(selectors.length).toBeGreaterThan(30);
    for (const group of selectors) {
      for (const selector of splitTopLevel(group)) {
        expect(selector, selector).toMatch(/\.ck-root|^:where\(\.ck-root\)/);
        for (const cls of selector.match(/\.[\w-]+/g) ?? []) expect(cls, selector).toMatch(/^\.ck-/);
        expect(selector).not.toMatch(/#/);
      }
    }
  });
});
