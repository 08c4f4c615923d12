import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CODES } from "@creditkit/contract";
import { describe, expect, it } from "vitest";

/**
 * packages/server/README.md is the route reference merchants read. Every error code the contract
 * defines must be in its error table with the status the handler answers it with, and the table
 * must not list a code that no longer exists.
 */
const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const rows = [...readme.matchAll(/^\| (\d{3})\s+\| `([a-z_]+)`\s+\|/gm)].map((m) => ({
  status: Number(m[1]),
  code: m[2]!,
}));

describe("packages/server/README.md", () => {
  it("documents every error code with its status", () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(rows, code).toContainEqual({ status, code });
    }
  });

  it("documents no error code the contract does not have", () => {
    for (const row of rows) expect(Object.keys(ERROR_CODES), row.code).toContain(row.code);
  });
});
