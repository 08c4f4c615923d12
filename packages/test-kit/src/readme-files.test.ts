import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmeFile, readmeFiles } from "./readme-files.ts";

describe("readmeFiles", () => {
  it("finds the blocks whose first line names a file, with their language", () => {
    const md = [
      "text",
      "```ts",
      "// lib/top-up.ts",
      "export const a = 1;",
      "```",
      "```sh",
      "npm install x",
      "```",
      "```html",
      "<!-- public/index.html -->",
      "<p>hi</p>",
      "```",
      "```sh",
      "# .env.local",
      "A=1",
      "```",
    ].join("\n");
    expect(readmeFiles(md)).toEqual([
      { path: "lib/top-up.ts", lang: "ts", content: "// lib/top-up.ts\nexport const a = 1;\n" },
      { path: "public/index.html", lang: "html", content: "<!-- public/index.html -->\n<p>hi</p>\n" },
      { path: ".env.local", lang: "sh", content: "# .env.local\nA=1\n" },
    ]);
  });

  it("keeps Next.js route segments in the path", () => {
    const md = "```ts\n// app/api/topup/[...path]/route.ts\nx\n```\n";
    expect(readmeFiles(md).map((f) => f.path)).toEqual(["app/api/topup/[...path]/route.ts"]);
  });

  it("refuses a README that shows one file twice", () => {
    const md = "```ts\n// a.ts\n1\n```\n```ts\n// a.ts\n2\n```\n";
    expect(() => readmeFiles(md)).toThrow("a.ts twice");
  });

  it("reads the repository README's route file", () => {
    const file = readmeFile(join(import.meta.dirname, "..", "..", "..", "README.md"), "lib/top-up.ts");
    expect(file.content).toContain("createTopUpHandler");
  });
});
