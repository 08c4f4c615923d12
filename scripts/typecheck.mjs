// Type-checks every workspace project that has a tsconfig.json (strict everywhere, see
// tsconfig.base.json). Each project is checked on its own so that apps/bff can keep Next's
// bundler settings while the packages keep NodeNext.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "apps", "examples"].filter((root) => existsSync(root));
const projects = [
  ...roots.flatMap((root) => readdirSync(root).map((name) => join(root, name))),
  "e2e",
  "bench",
  "scripts",
].filter((dir) => existsSync(join(dir, "tsconfig.json")));

let failed = 0;
for (const dir of projects) {
  // A solution-style tsconfig (create-vite's: only "references") is checked with `tsc -b`, as its build does.
  const solution = readFileSync(join(dir, "tsconfig.json"), "utf8").includes('"references"');
  const args = solution ? ["exec", "tsc", "-b", dir] : ["exec", "tsc", "--noEmit", "-p", dir];
  const result = spawnSync("pnpm", args, { stdio: "inherit" });
  console.log(`${result.status === 0 ? "✓" : "✗"} tsc ${dir}`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
