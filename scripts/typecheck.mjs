// Type-checks every workspace project that has a tsconfig.json (strict everywhere, see
// tsconfig.base.json). Each project is checked on its own so that apps/bff can keep Next's
// bundler settings while the packages keep NodeNext.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "apps"];
const projects = [
  ...roots.flatMap((root) => readdirSync(root).map((name) => join(root, name))),
  "e2e",
  "bench",
  "scripts",
].filter((dir) => existsSync(join(dir, "tsconfig.json")));

let failed = 0;
for (const dir of projects) {
  const result = spawnSync("pnpm", ["exec", "tsc", "--noEmit", "-p", dir], { stdio: "inherit" });
  console.log(`${result.status === 0 ? "✓" : "✗"} tsc ${dir}`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
