import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPackage, ROOT } from "../../../scripts/pack-packages.mjs";

/**
 * Our published packages as the tarballs a merchant would install (`pnpm pack` of the built
 * packages, publishConfig applied), for tests that install them into an app of their own.
 *
 * In `npm test`, `pnpm check:packages` has just packed and checked them into CREDITKIT_PACKS_DIR
 * (scripts/test.sh sets it): those tarballs are used as they are, unless one is older than its
 * package's dist/ (a rebuild since), which is packed again. Anywhere else they are packed here,
 * with the same function check:packages uses (scripts/pack-packages.mjs).
 */
export interface PackedPackages {
  /** The tarball of each package, by its directory name under packages/ ("server"). */
  tarballs: Record<string, string>;
  /** Removes what this call packed itself (never CREDITKIT_PACKS_DIR's tarballs). */
  remove(): void;
}

export function packedPackages(names: readonly string[]): PackedPackages {
  const shared = process.env.CREDITKIT_PACKS_DIR?.trim();
  let own: string | undefined;
  const tarballs: Record<string, string> = {};
  for (const name of names) {
    const dist = join(ROOT, "packages", name, "dist");
    if (!existsSync(dist)) throw new Error(`packages/${name} has no dist/: run pnpm build first (npm test does)`);
    const reused = shared ? freshTarball(join(shared, name), newestChange(dist)) : undefined;
    if (reused) {
      tarballs[name] = reused;
      continue;
    }
    own ??= mkdtempSync(join(tmpdir(), "creditkit-packs-"));
    const packed = packPackage(name, join(own, name));
    if (!packed.tarball) throw new Error(`pnpm pack of packages/${name} failed:\n${packed.output}`);
    tarballs[name] = packed.tarball;
  }
  return {
    tarballs,
    remove: () => {
      if (own) rmSync(own, { recursive: true, force: true });
    },
  };
}

/** The one tarball in `dir` if it was packed after `builtAt`. */
function freshTarball(dir: string, builtAt: number): string | undefined {
  if (!existsSync(dir)) return undefined;
  const found = readdirSync(dir).filter((file) => file.endsWith(".tgz"));
  if (found.length !== 1) return undefined;
  const path = join(dir, found[0] as string);
  return statSync(path).mtimeMs >= builtAt ? path : undefined;
}

/** The latest modification time of any file under `dir`. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
