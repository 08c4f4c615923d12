import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/SECURITY.md maps each threat to the test that proves its defence. This keeps the map
 * honest: every file it names exists and contains every test name it cites. (That the tests
 * pass is the rest of the suite's job.)
 */

const ROOT = join(import.meta.dirname, "..", "..", "..");
const doc = readFileSync(join(ROOT, "docs", "SECURITY.md"), "utf8");
const CITATION = /`([^`]+\.test\.tsx?)` › ((?:"[^"]+"(?: › )?)+)/g;

function citations() {
  const out: { file: string; names: string[] }[] = [];
  for (const match of doc.matchAll(CITATION)) {
    const file = match[1]!.replace(/^server\//, "packages/server/src/");
    const names = [...match[2]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    out.push({ file, names });
  }
  return out;
}

describe("docs/SECURITY.md", () => {
  it("cites a test for every threat it lists", () => {
    const rows = doc.split("\n").filter((line) => /^\| (?!threat|---)/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const row of rows) expect(row, row.slice(0, 80)).toMatch(CITATION);
  });

  it("names only tests that exist, in the files it names", () => {
    const cited = citations();
    expect(cited.length).toBeGreaterThanOrEqual(40);
    for (const { file, names } of cited) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      const source = readFileSync(join(ROOT, file), "utf8");
      for (const name of names) expect(source.includes(name), `${file} › "${name}"`).toBe(true);
    }
  });
});
