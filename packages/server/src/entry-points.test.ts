import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Merchants without Redis must never load ioredis: `@creditkit/server`, `/next` and `/node` reach it
 * through no import at all, and only `/redis` does. Checked on the real import graph.
 */

const SRC = import.meta.dirname;
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm;

/** Every package (bare specifier) reachable from an entry through relative imports, type-only ones excluded. */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const statement = match[0];
      const specifier = (match[1] ?? match[2])!;
      if (/^\s*(import|export)\s+type\s/.test(statement)) continue; // erased at runtime
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(join(SRC, entry));
  return packages;
}

describe("package entry points", () => {
  it.each(["index.ts", "next.ts", "node.ts"])("%s never loads ioredis", (entry) => {
    const reached = packagesReachedFrom(entry);
    expect(reached.has("@creditkit/contract")).toBe(true); // the walk does see packages
    expect([...reached].filter((p) => p.includes("redis"))).toEqual([]);
  });

  it("node.ts is published as @creditkit/server/node and exports toNodeHandler", async () => {
    const entry = await import("@creditkit/server/node");
    expect(typeof entry.toNodeHandler).toBe("function");
  });

  it("redis.ts is the one that does, and exports createRedisStore", async () => {
    expect(packagesReachedFrom("redis.ts").has("ioredis")).toBe(true);
    const entry = await import("@creditkit/server/redis");
    expect(typeof entry.createRedisStore).toBe("function");
    const pkg = JSON.parse(readFileSync(join(SRC, "..", "package.json"), "utf8"));
    expect(pkg.exports["./redis"]).toBe("./src/redis.ts");
  });
});
