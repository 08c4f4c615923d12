// @vitest-environment node
import { describe, expect, it } from "vitest";
import { de } from "../locales/de.ts";
import { en } from "./en.ts";
import { interpolate } from "./interpolate.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("German has every English key with the same placeholders", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
      expect(de[key].trim(), key).not.toBe("");
    }
  });

  it("interpolates placeholders and leaves unknown ones visible", () => {
    expect(interpolate("Buy {credits} for {price}", { credits: "1,000 credits", price: "$10.00" })).toBe(
      "Buy 1,000 credits for $10.00",
    );
    expect(interpolate("Page {page} of {pages}", { page: 1 })).toBe("Page 1 of {pages}");
    expect(interpolate("{count} credits", { count: 0 })).toBe("0 credits");
  });
});
