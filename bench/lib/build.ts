import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./children.ts";

const BUILD_ID = join(ROOT, "apps", "bff", ".next", "BUILD_ID");

/** Sources that end up in the app's build: a change in any of them makes the build stale. */
const SOURCES = [
  "apps/bff/app",
  "apps/bff/lib",
  "apps/bff/proxy.ts",
  "apps/bff/next.config.ts",
  "apps/bff/instrumentation.ts",
]
  .concat(["packages/contract/src", "packages/server/src", "packages/react/src", "packages/paygentic/src"])
  .map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "test-support" || entry === "test") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the production build of apps/bff cannot be used as it is, or null when it is current. */
export function buildProblem(): string | null {
  if (!existsSync(BUILD_ID)) return "apps/bff has no production build";
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built) ? "apps/bff's production build is older than its sources" : null;
}

/**
 * The BFF benchmarks measure `next start`, so they need the production build of the current sources.
 * The full run builds it when it is missing or stale (`next build`, about half a minute); the
 * smoke pass never builds (CI runs `pnpm build` just before it): it stops with "run pnpm build first".
 */
export function ensureBffBuild(smoke: boolean): void {
  const problem = buildProblem();
  if (!problem) return;
  // A stale build would exercise old code (a route may not even exist yet): the smoke pass stops.
  if (smoke) throw new Error(`${problem}: run pnpm build first`);
  console.info(`${problem}: building it (pnpm --filter @creditkit/bff build)…`);
  const result = spawnSync("pnpm", ["--filter", "@creditkit/bff", "build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed: run pnpm build and fix what it reports");
}
