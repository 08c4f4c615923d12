import { execFile } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Proves that biome.json's noRestrictedImports overrides bite: sample files that break each
 * boundary are written where the rule applies (overrides match by path, so they must sit inside the
 * repository), linted with one Biome run, and removed again. Each sample lists its imports with the
 * verdict the rules must give; a file that breaks no boundary must get no diagnostic at all.
 */

const root = resolve(import.meta.dirname, "..");
const probe = `__boundary_probe_${process.pid}`;

type Verdict = "refused" | "allowed";
interface Sample {
  /** Where the sample sits; `{probe}` becomes a fresh directory name. */
  path: string;
  imports: Record<string, Verdict>;
}

const samples: Record<string, Sample> = {
  "widget product code": {
    path: `packages/react/src/${probe}/widget.ts`,
    imports: {
      "@creditkit/server": "refused",
      "@creditkit/server/next": "refused",
      "@creditkit/paygentic": "refused",
      "@creditkit/paygentic/formats": "refused",
      "@creditkit/emulator/playwright": "refused",
      "@creditkit/test-kit/free-port": "refused",
      "../../../server/src/handler.ts": "refused",
      "@creditkit/contract": "allowed",
      "@tanstack/react-query": "allowed",
      react: "allowed",
      "../core/decimal.ts": "allowed",
    },
  },
  "widget test infrastructure": {
    path: `packages/react/src/test/${probe}/harness.ts`,
    imports: {
      "@creditkit/server": "allowed",
      "@creditkit/test-kit/handler-client": "allowed",
      "../../../../server/src/test-support/make-handler.ts": "refused",
    },
  },
  contract: {
    path: `packages/contract/src/${probe}/rule.ts`,
    imports: {
      zod: "refused",
      "node:crypto": "refused",
      "@creditkit/paygentic": "refused",
      "./decimal.ts": "allowed",
      "../identifiers.ts": "allowed",
    },
  },
  "server core": {
    path: `packages/server/src/${probe}/core.ts`,
    imports: {
      next: "refused",
      "next/server": "refused",
      "node:crypto": "refused",
      crypto: "refused",
      "node:http": "refused",
      ioredis: "refused",
      "@creditkit/emulator": "refused",
      "@creditkit/test-kit/test-emulator": "refused",
      "@creditkit/paygentic/src/money.ts": "refused",
      "@creditkit/contract": "allowed",
      "@creditkit/paygentic": "allowed",
      svix: "allowed",
      zod: "allowed",
      "../handler.ts": "allowed",
    },
  },
  "server's Next.js adapter": {
    path: `packages/server/src/next/${probe}/route.ts`,
    imports: { "next/server": "allowed", "node:http": "refused" },
  },
  "server's Node adapter": {
    path: `packages/server/src/node/${probe}/listener.ts`,
    imports: { "node:http": "allowed", "next/server": "refused" },
  },
  "server tests": {
    path: `packages/server/src/${probe}/test-support/fixture.ts`,
    imports: {
      "node:http": "allowed",
      "@creditkit/test-kit/test-emulator": "allowed",
      "@creditkit/emulator": "allowed",
    },
  },
  "reference app": {
    path: `apps/bff/lib/${probe}/wiring.ts`,
    imports: {
      "@creditkit/emulator": "refused",
      "@creditkit/test-kit/built-app": "refused",
      "../../../../packages/server/src/handler.ts": "refused",
      "@creditkit/server": "allowed",
      "next/server": "allowed",
    },
  },
  "example apps (examples/, product code like apps/)": {
    path: `examples/${probe}/server.ts`,
    imports: {
      "@creditkit/test-kit/free-port": "refused",
      "@creditkit/emulator": "refused",
      "@creditkit/server": "allowed",
    },
  },
  "reference app tests": {
    path: `apps/bff/tests/${probe}/app.ts`,
    imports: { "@creditkit/test-kit/built-app": "allowed", "@creditkit/emulator": "allowed" },
  },
  "browser suite": {
    path: `e2e/${probe}/spec-helper.ts`,
    imports: {
      "@creditkit/emulator/playwright": "allowed",
      "@creditkit/server/src/handler.ts": "refused",
      "../../packages/server/src/test-support/webhooks.ts": "refused",
    },
  },
  benchmarks: {
    path: `bench/${probe}/section.ts`,
    imports: { "@creditkit/test-kit/free-port": "allowed", "../../e2e/support/fixtures.ts": "refused" },
  },
  "test kit": {
    path: `packages/test-kit/src/${probe}/starter.ts`,
    imports: { "@creditkit/emulator/control": "allowed", "../../../emulator/src/index.ts": "refused" },
  },
  "clean product file": {
    path: `packages/server/src/${probe}/clean.ts`,
    imports: { "@creditkit/contract": "allowed", zod: "allowed", "../origin.ts": "allowed" },
  },
};

/** The top-most directory each sample created, removed afterwards (never one that existed before). */
const created = new Set<string>();
let flagged: Map<string, Set<number>>;

beforeAll(async () => {
  for (const sample of Object.values(samples)) {
    const file = join(root, sample.path);
    let top = dirname(file);
    while (!existsSync(dirname(top))) top = dirname(top);
    if (!existsSync(top)) created.add(top);
    mkdirSync(dirname(file), { recursive: true });
    // One import per line (line n+1 holds the n-th import), each name used so no other rule fires.
    const specifiers = Object.keys(sample.imports);
    const lines = specifiers.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`);
    lines.push(`export const used = [${specifiers.map((_, i) => `m${i}`).join(", ")}];`);
    writeFileSync(file, `${lines.join("\n")}\n`);
  }
  flagged = await restrictedImportLines(Object.values(samples).map((s) => s.path));
}, 60_000);

afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe("import boundaries (biome.json noRestrictedImports)", () => {
  for (const [name, sample] of Object.entries(samples)) {
    it(`${name}: refuses exactly the imports that cross a boundary`, () => {
      const lines = flagged.get(sample.path) ?? new Set<number>();
      const verdicts = Object.fromEntries(
        Object.keys(sample.imports).map((specifier, i) => [specifier, lines.has(i + 1) ? "refused" : "allowed"]),
      );
      expect(verdicts).toEqual(sample.imports);
    });
  }

  it("reports nothing at all for a file that crosses no boundary", () => {
    expect(flagged.get(samples["clean product file"]!.path)).toBeUndefined();
  });
});

/** Runs Biome's linter once over the files; for each, the lines it refused an import on. */
async function restrictedImportLines(paths: string[]): Promise<Map<string, Set<number>>> {
  const biome = join(root, "node_modules", ".bin", "biome");
  const args = ["lint", "--reporter=json", "--max-diagnostics=none", ...paths];
  // Biome exits 1 when it found errors, which is the point here; the JSON report is on stdout.
  const stdout = await promisify(execFile)(biome, args, { cwd: root, maxBuffer: 16 << 20 }).then(
    (r) => r.stdout,
    (error: { stdout?: string }) => error.stdout ?? "",
  );
  const report = JSON.parse(stdout) as {
    diagnostics: { category: string; location: { path: string; start: { line: number } } }[];
  };
  const lines = new Map<string, Set<number>>();
  for (const d of report.diagnostics) {
    if (d.category !== "lint/style/noRestrictedImports") continue;
    const path = relative(root, resolve(root, d.location.path)).split(sep).join("/");
    if (!lines.has(path)) lines.set(path, new Set());
    lines.get(path)!.add(d.location.start.line);
  }
  return lines;
}
