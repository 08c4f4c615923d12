/**
 * Section 1, sizes of @creditkit/react (run: `pnpm exec tsx bench/size.ts [--smoke]`).
 *
 * Builds what a merchant ships for `CreditKitProvider` + `TopUpWidget`, minified, with React, react-dom
 * and react/jsx-runtime external (the merchant's app has them anyway), and measures gzip (zlib level 9):
 *   - total, including @tanstack/react-query            target ≤ 20 kB
 *   - our own code, with @tanstack/react-query external  target ≤ 8 kB
 *   - styles.css, minified                               target ≤ 3 kB
 * kB = 1,000 bytes (the strict reading). Also measured, without a target: our code with the German
 * messages added. Prints a table and writes the "sizes" section of bench/results.md (not with
 * --smoke). Sizes do not depend on the machine, so the smoke pass checks the targets too: it exits 1
 * when one is missed, and CI catches a bundle that grew.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { machine, writeSection } from "./lib/results.ts";

const smoke = process.argv.includes("--smoke");
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "packages", "react");
const tmp = join(here, ".tmp", "size");

// Vite (and its CSS minifier, lightningcss) are dev dependencies of packages/react, not of bench.
const fromReact = createRequire(join(pkg, "package.json"));
const vitePath = fromReact.resolve("vite");
const vite = (await import(pathToFileURL(vitePath).href)) as {
  build(config: Record<string, unknown>): Promise<unknown>;
};
const { transform: minifyCss } = createRequire(vitePath)("lightningcss") as {
  transform(options: { filename: string; code: Uint8Array; minify: boolean }): { code: Uint8Array };
};

const KB = 1000;
/** History worth keeping next to the figures (before/after of the size work in issue 6). */
const SIZE_NOTES = [
  "Own code before the size work of issue 6: 8,172 B gzip (commit c4f5d02), over the 8,000 B target.",
];
const REACT = [/^react(\/.*)?$/, /^react-dom(\/.*)?$/];
const QUERY = [/^@tanstack\/(react-query|query-core)(\/.*)?$/];

interface OutputChunk {
  type: "chunk" | "asset";
  code?: string;
  fileName: string;
}

async function bundle(external: RegExp[], withGerman = false): Promise<string> {
  mkdirSync(tmp, { recursive: true });
  const entry = join(tmp, "entry.ts");
  const german = withGerman ? `export { de } from ${JSON.stringify(join(pkg, "src", "locales", "de.ts"))};\n` : "";
  writeFileSync(
    entry,
    `export { CreditKitProvider, TopUpWidget } from ${JSON.stringify(join(pkg, "src", "index.ts"))};\n${german}`,
  );
  const result = (await vite.build({
    configFile: false,
    root: pkg,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      // Not library mode: Vite keeps whitespace in ES library output (for consumers' tree-shaking);
      // here we want what ships to the browser after the merchant's bundler: fully minified.
      write: false,
      minify: true,
      sourcemap: false,
      modulePreload: false,
      rolldownOptions: {
        input: entry,
        preserveEntrySignatures: "strict",
        output: { format: "es" },
        external,
        onwarn(warning: { code?: string }, warn: (w: unknown) => void) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  })) as { output: OutputChunk[] } | Array<{ output: OutputChunk[] }>;
  const outputs = Array.isArray(result) ? result.flatMap((r) => r.output) : result.output;
  return outputs
    .filter((o) => o.type === "chunk")
    .map((o) => o.code ?? "")
    .join("\n");
}

/** targetKb null: measured for information (no target). */
function measure(name: string, code: string, targetKb: number | null) {
  const bytes = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  const target = targetKb === null ? null : targetKb * KB;
  return {
    name,
    minifiedBytes: bytes,
    gzipBytes: gzip,
    targetGzipBytes: target,
    ok: target === null || gzip <= target,
  };
}

const css = minifyCss({
  filename: "styles.css",
  code: readFileSync(join(pkg, "src", "styles.css")),
  minify: true,
}).code.toString();

const results = [
  measure("Provider + TopUpWidget incl. @tanstack/react-query", await bundle(REACT), 20),
  measure("Provider + TopUpWidget, own code (react-query external)", await bundle([...REACT, ...QUERY]), 8),
  measure("styles.css", css, 3),
  measure("(info) own code + German messages (locales/de)", await bundle([...REACT, ...QUERY], true), null),
];

const bytes = (n: number) => `${n.toLocaleString("en-US")} B`;
const rows = [
  ["bundle", "minified", "gzip", "target (gzip)", "ok"],
  ...results.map((r) => [
    r.name,
    bytes(r.minifiedBytes),
    `**${bytes(r.gzipBytes)}**`,
    r.targetGzipBytes === null ? "—" : `≤ ${bytes(r.targetGzipBytes)}`,
    r.ok ? "yes" : "NO",
  ]),
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
for (const row of rows) console.info(row.map((cell, i) => cell.replaceAll("*", "").padEnd(widths[i] ?? 0)).join("  "));

if (!smoke) {
  writeSection("sizes", {
    title: "Sizes: @creditkit/react, minified + gzip",
    measuredAt: new Date().toISOString(),
    machine: machine(),
    table: rows,
    notes: [
      "Vite 8 production build of `CreditKitProvider` + `TopUpWidget` (what a merchant's bundler ships), react, react-dom and react/jsx-runtime external; gzip = zlib level 9; kB = 1,000 bytes.",
      ...SIZE_NOTES,
    ],
    targets: results
      .filter((r) => r.targetGzipBytes !== null)
      .map((r) => ({
        what: `Size (gzip): ${r.name}`,
        target: `≤ ${bytes(r.targetGzipBytes ?? 0)}`,
        measured: bytes(r.gzipBytes),
        held: r.ok,
      })),
    data: { gzip: "zlib level 9", results },
  });
}

if (results.some((r) => !r.ok)) {
  console.error("bundle size targets missed");
  process.exit(1);
}
