// `pnpm check:packages` (part of `npm test`, after `pnpm build`): packs every published package the
// way it would be published and checks the tarball, so a broken `exports` map, a missing `dist` file
// or an unpublishable dependency fails CI instead of a merchant's install.
//
// - `pnpm pack` applies `publishConfig` (exports -> dist/) and turns `workspace:^` into `^x.y.z`;
//   the repository's own package.json files point at src/*.ts, so only the packed manifest counts.
// - publint (--strict: its warnings fail too) checks the manifest against the packed files.
// - attw checks that TypeScript resolves types for every entry point. The packages are ESM-only
//   (`"type": "module"`, no `require` condition), so the `esm-only` profile skips the node10 and
//   node16-from-CJS resolutions, whose failures would be this choice, not a bug. CSS entry points
//   and classic-script entry points have no types by nature and are left out.
// - Our own rules: no `workspace:` left, runtime dependencies as ranges (not exact pins), every
//   export target under ./dist.
// - With CREDITKIT_PACKS_DIR set, the tarballs stay there (<dir>/<name>/*.tgz) for later steps of the
//   same run: scripts/test.sh sets it so that the fresh Next.js app test (e2e/tests/fresh-next-app.spec.ts)
//   installs these very tarballs instead of packing again.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { packPackage } from "./pack-packages.mjs";

const PUBLISHED = ["contract", "paygentic", "server", "react", "emulator"];
const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const started = performance.now();
const keep = process.env.CREDITKIT_PACKS_DIR?.trim();
const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "creditkit-packs-"));
const problems = [];

try {
  for (const name of PUBLISHED) {
    const dir = join(root, "packages", name);
    if (!existsSync(join(dir, "dist"))) {
      problems.push(`${name}: no dist/ (run pnpm build first)`);
      continue;
    }
    const dest = join(work, name);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    const packed = packPackage(name, dest);
    if (!packed.tarball) {
      problems.push(`${name}: pnpm pack failed\n${packed.output}`);
      continue;
    }
    const path = packed.tarball;
    run("tar", ["xzf", path], dest);
    const manifest = JSON.parse(readFileSync(join(dest, "package", "package.json"), "utf8"));
    problems.push(...manifestProblems(name, manifest));

    const lint = run(bin("publint"), ["run", path, "--strict"], dest);
    if (!lint.ok) problems.push(`${name}: publint\n${lint.output}`);

    // Stylesheets, and classic scripts for a <script src> (react's ./creditkit-top-up.js), have no types by nature.
    const cssEntries = Object.keys(manifest.exports ?? {}).filter((entry) => /\.(css|js)$/.test(entry));
    const attwArgs = [path, "--profile", "esm-only", "--format", "table-flipped", "--no-emoji", "--no-color"];
    if (cssEntries.length > 0) attwArgs.push("--exclude-entrypoints", ...cssEntries);
    const types = run(bin("attw"), attwArgs, dest);
    if (!types.ok) problems.push(`${name}: attw (are the types wrong?)\n${types.output}`);

    console.log(`${problems.some((p) => p.startsWith(`${name}:`)) ? "✗" : "✓"} ${manifest.name}@${manifest.version}`);
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`\n${problems.join("\n\n")}\n\n${problems.length} packaging problem(s) (${seconds} s)`);
  process.exit(1);
}
console.log(`packages OK: ${PUBLISHED.length} packed, publint and attw clean (${seconds} s)`);

function manifestProblems(name, manifest) {
  const found = [];
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith("workspace:")) found.push(`${name}: ${field}.${dep} is still "${range}" after packing`);
      else if (field === "dependencies" && /^\d/.test(range)) {
        found.push(`${name}: dependencies.${dep} is pinned to "${range}"; publish a range (^${range})`);
      }
    }
  }
  for (const target of exportTargets(manifest.exports)) {
    if (!target.startsWith("./dist/")) found.push(`${name}: export target ${target} is outside ./dist`);
  }
  if (manifest.exports === undefined) found.push(`${name}: no exports map`);
  return found;
}

function exportTargets(exports) {
  if (typeof exports === "string") return [exports];
  if (exports === null || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
}
