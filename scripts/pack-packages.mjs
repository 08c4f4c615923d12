// Packs workspace packages the way they would be published (`pnpm pack`: publishConfig applied,
// `workspace:` ranges turned into versions). The one packing step of `pnpm check:packages` and of
// the tests that install the tarballs into a fresh app (@creditkit/test-kit/packed-packages).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

/**
 * Packs packages/<name> into `dest` (created if needed; one tarball per directory is expected).
 * Returns the tarball's path, or null with pnpm's output when packing failed.
 */
export function packPackage(name, dest) {
  mkdirSync(dest, { recursive: true });
  const result = spawnSync("pnpm", ["pack", "--pack-destination", dest], {
    cwd: join(ROOT, "packages", name),
    encoding: "utf8",
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  const tarball = readdirSync(dest).find((file) => file.endsWith(".tgz"));
  if (result.status !== 0 || !tarball) return { tarball: null, output };
  return { tarball: join(dest, tarball), output };
}
