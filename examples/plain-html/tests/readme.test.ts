import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readmeFile } from "@creditkit/test-kit/readme-files";
import { describe, expect, it } from "vitest";

/** The root README's "Without React" shows these files of this example as they are. */

const APP_DIR = join(import.meta.dirname, "..");
const README = join(APP_DIR, "..", "..", "README.md");

describe("the root README's blocks from examples/plain-html", () => {
  it.each(["public/index.html", "http-server.ts"])("%s is the example's file, verbatim", (path) => {
    expect(readmeFile(README, path).content).toBe(readFileSync(join(APP_DIR, path), "utf8"));
  });
});
