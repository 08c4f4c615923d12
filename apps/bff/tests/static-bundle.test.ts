import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const STATIC_DIR = join(import.meta.dirname, "..", ".next", "static");

/** The emulator's demo key (see packages/emulator/src/constants.ts): a real key shape we must not ship. */
async function knownKeys(): Promise<string[]> {
  const { DEMO_API_KEY } = await import("@creditkit/emulator");
  return [DEMO_API_KEY, process.env.PAYGENTIC_API_KEY].filter((k): k is string => Boolean(k));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the client bundle (apps/bff/.next/static)", () => {
  it("contains no secret key", async () => {
    if (!existsSync(STATIC_DIR)) {
      throw new Error("apps/bff/.next/static is missing: run pnpm build first");
    }
    const files = filesUnder(STATIC_DIR);
    expect(files.length).toBeGreaterThan(0);
    const needles = ["sk_test_", "sk_live_", ...(await knownKeys())];
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      for (const needle of needles)
        if (text.includes(needle)) offenders.push(`${file} contains ${needle.slice(0, 8)}…`);
    }
    expect(offenders).toEqual([]);
  });
});
