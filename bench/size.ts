/**
 * Bundle-size benchmark for @creditkit/react (run: `pnpm exec tsx bench/size.ts`).
 *
 * Builds what a merchant ships for `CreditKitProvider` + `TopUpWidget`, minified, with React, react-dom
 * and react/jsx-runtime external (the merchant's app has them anyway), and measures gzip (zlib level 9):
 *   - total, including @tanstack/react-query            target ≤ 20 kB
 *   - our own code, with @tanstack/react-query external  target ≤ 8 kB
 *   - styles.css, minified                               target ≤ 3 kB
 * (kB here = 1024 bytes.) Also measured, without a target: our code with the German messages added.
 * Prints a table, writes bench/results-size.json, and exits 1 when a target is missed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

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

const KB = 1024;
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

const kb = (n: number) => `${(n / KB).toFixed(2)} kB`;
const rows = [
  ["bundle", "minified", "gzip", "target", "ok"],
  ...results.map((r) => [
    r.name,
    kb(r.minifiedBytes),
    kb(r.gzipBytes),
    r.targetGzipBytes === null ? "—" : `≤ ${kb(r.targetGzipBytes)}`,
    r.ok ? "yes" : "NO",
  ]),
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
for (const row of rows) console.info(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));

writeFileSync(
  join(here, "results-size.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), gzip: "zlib level 9", results }, null, 2)}\n`,
);

if (results.some((r) => !r.ok)) {
  console.error("bundle size targets missed");
  process.exit(1);
}
