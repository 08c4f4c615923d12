import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { freePort } from "./free-port.ts";
import { spawnServer, untilAnswering } from "./server-process.ts";

/**
 * A Next.js app as a merchant makes it today (`create-next-app --yes`: TypeScript, Tailwind,
 * ESLint, App Router, Cache Components), for tests that prove what a README tells that merchant
 * to do, and for suites that need such an app to run in (the QA kit's Playwright config).
 *
 * Offline-capable: only the npm registry is needed. The template's layout loads its fonts from
 * Google (`next/font/google`), which `next build` would fetch; they are replaced by an empty
 * font (the template's CSS falls back to its next font), and Next's telemetry is off in every
 * command. Downloads are cached where npm caches them anyway (`npx` keeps create-next-app, npm's
 * cache the tarballs; `--prefer-offline` skips revalidating what it has), so only a first run
 * downloads.
 *
 * Cache Components on and off: create-next-app writes `next.config.ts` both ways (`--cache-components`
 * and `--no-cache-components`), and `setCacheComponents()` swaps between exactly those two files in
 * one installed app, so a test can build both variants without scaffolding and installing twice.
 * The scaffold checks that the two templates differ in nothing else.
 */

/**
 * The create-next-app version tests scaffold with: pinned, so a Next.js release never turns a
 * green commit red; `CREDITKIT_CREATE_NEXT_APP=latest` (or a version) tries another one. Raise it
 * when a new Next.js is out (it is what `npx create-next-app@latest` gave on 2026-12-03).
 */
export const CREATE_NEXT_APP_VERSION = process.env.CREDITKIT_CREATE_NEXT_APP?.trim() || "16.4.3";

/** create-next-app's defaults, spelled out so a developer's saved preferences cannot change them. */
const TEMPLATE_FLAGS = [
  "--ts",
  "--tailwind",
  "--eslint",
  "--app",
  "--no-src-dir",
  "--import-alias",
  "@/*",
  "--no-react-compiler",
  "--use-npm",
  "--skip-install",
  "--disable-git",
  "--yes",
];

export interface FreshNextApp {
  /** The app's directory (a fresh temporary one). */
  dir: string;
  /** The create-next-app version it was made with. */
  version: string;
  /** Writes files into the app (paths relative to it), creating their directories. */
  writeFiles(files: readonly { path: string; content: string }[]): void;
  /** `npm install <specs>` in the app: the template's dependencies and these. Returns npm's output. */
  install(specs: readonly string[]): Promise<string>;
  /** Puts the `next.config.ts` create-next-app writes with (true) or without (false) Cache Components. */
  setCacheComponents(on: boolean): void;
  /** `next build`; throws with Next's output when it fails. Returns the output. */
  build(): Promise<string>;
  /**
   * Runs a command in the app (`npx playwright test`, say) in the clean environment plus `env`;
   * throws with its output when it fails. Returns the output.
   */
  exec(command: string, args: readonly string[], options?: ExecOptions): Promise<string>;
  /** `next start` on 127.0.0.1, ready once `readyPath` (default "/") answers 200. */
  start(options?: StartOptions): Promise<RunningNextApp>;
  /** Deletes the app. */
  remove(): void;
}

export interface StartOptions {
  /** Default: a free port. */
  port?: number;
  /** Variables for the server, on top of a clean environment (see `cleanEnv`). */
  env?: Record<string, string>;
  readyPath?: string;
  /** Default 60 s. */
  timeoutMs?: number;
}

export interface ExecOptions {
  /** Variables on top of a clean environment (see `cleanEnv`). */
  env?: Record<string, string>;
  /** Default 300 s. */
  timeoutMs?: number;
}

export interface RunningNextApp {
  url: string;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Scaffolds the app (about 2 s once create-next-app is in npx's cache); nothing is installed yet. */
export async function scaffoldNextApp(): Promise<FreshNextApp> {
  const version = CREATE_NEXT_APP_VERSION;
  const base = mkdtempSync(join(tmpdir(), "creditkit-fresh-next-app-"));
  const dir = join(base, "app");
  try {
    const create = (name: string, cacheFlag: string) =>
      run("npx", ["--yes", `create-next-app@${version}`, name, ...TEMPLATE_FLAGS, cacheFlag], {
        cwd: base,
        timeoutMs: 120_000,
      });
    await create("app", "--cache-components");
    await create("without-cache-components", "--no-cache-components");
    const configs = {
      on: readFileSync(join(dir, "next.config.ts"), "utf8"),
      off: readFileSync(join(base, "without-cache-components", "next.config.ts"), "utf8"),
    };
    assertOnlyConfigDiffers(dir, join(base, "without-cache-components"));
    rmSync(join(base, "without-cache-components"), { recursive: true, force: true });
    const layout = join(dir, "app", "layout.tsx");
    writeFileSync(layout, withoutGoogleFonts(readFileSync(layout, "utf8")));

    return {
      dir,
      version,
      writeFiles(files) {
        for (const file of files) {
          const path = join(dir, file.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.content);
        }
      },
      install: (specs) =>
        run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...specs], {
          cwd: dir,
          timeoutMs: 300_000,
        }),
      setCacheComponents(on) {
        writeFileSync(join(dir, "next.config.ts"), on ? configs.on : configs.off);
      },
      build: () => run(process.execPath, [nextBin(dir), "build"], { cwd: dir, timeoutMs: 300_000 }),
      exec: (command, args, options = {}) =>
        run(command, [...args], { cwd: dir, timeoutMs: options.timeoutMs ?? 300_000, env: options.env }),
      start: (options) => startNext(dir, options),
      remove: () => rmSync(base, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The lines of a Next.js server's log that are not its normal start-up and request lines:
 * errors, warnings (dev-style ones included) and anything else printed. An app that works as
 * documented prints none.
 */
export function serverLogProblems(output: string): string[] {
  const normal = [
    /^▲ Next\.js \d/,
    /^- (Local|Network|Environments|Experiments):/,
    /^\s+· /,
    /^✓ (Ready|Starting|Running next\.config)/,
  ];
  return output
    .split("\n")
    .map((line) => stripAnsi(line).trimEnd())
    .filter((line) => line.trim() !== "" && !normal.some((pattern) => pattern.test(line)));
}

/**
 * The template's `next/font/google` fonts (fetched from Google at build time) replaced by an empty
 * font: `const geistSans = Geist({...})` becomes `{ variable: "", className: "" }`, so the layout's
 * `${geistSans.variable}` still works and the CSS falls back to the next font of its stack.
 */
export function withoutGoogleFonts(layout: string): string {
  const importLine = /^import\s*\{([^}]*)\}\s*from\s*["']next\/font\/google["'];?[ \t]*\n/m;
  const imported = importLine.exec(layout);
  if (!imported) return layout;
  const fonts = (imported[1] ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  let out = layout.replace(importLine, "");
  for (const font of fonts) {
    out = out.replace(new RegExp(`\\b${font}\\(\\{[\\s\\S]*?\\}\\);`, "g"), `{ variable: "", className: "" };`);
    if (new RegExp(`\\b${font}\\(`).test(out)) {
      throw new Error(`the template's layout calls ${font}(…) in a way withoutGoogleFonts does not know:\n${layout}`);
    }
  }
  return out;
}

/** Colour codes out: Next colours its output when FORCE_COLOR is set (Playwright sets it for its workers). */
function stripAnsi(line: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is matched
  return line.replace(/\u001b\[[0-9;]*m/g, "");
}

function nextBin(dir: string): string {
  return join(dir, "node_modules", "next", "dist", "bin", "next");
}

/** The two templates must differ only in next.config.ts (and the name in package.json). */
function assertOnlyConfigDiffers(a: string, b: string) {
  const files = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .sort();
  const listA = files(a);
  if (listA.join("\n") !== files(b).join("\n")) {
    throw new Error("create-next-app writes different files with and without --cache-components");
  }
  for (const file of listA) {
    if (file === "next.config.ts" || file === "package.json") continue;
    if (!readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) {
      throw new Error(`create-next-app writes ${file} differently with and without --cache-components`);
    }
  }
  const withoutName = (dir: string) => ({ ...JSON.parse(readFileSync(join(dir, "package.json"), "utf8")), name: "" });
  if (JSON.stringify(withoutName(a)) !== JSON.stringify(withoutName(b))) {
    throw new Error("create-next-app writes package.json differently with and without --cache-components");
  }
}

/**
 * The environment of every command: the parent's, without what would change the app or npm
 * (NODE_ENV, which a test runner sets and Next warns about; the npm_* settings pnpm passes to its
 * scripts; the variables a CreditKit app reads), and with Next's telemetry off.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key.startsWith("PAYGENTIC_") || key.startsWith("CREDITKIT_")) continue;
    if (key.startsWith("npm_") && key !== "npm_config_registry" && key !== "npm_config_cache") continue;
    env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

async function startNext(dir: string, options: StartOptions = {}): Promise<RunningNextApp> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer(process.execPath, [nextBin(dir), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: dir,
    env: cleanEnv(options.env),
  });
  try {
    await untilAnswering(`${url}${options.readyPath ?? "/"}`, server, options.timeoutMs ?? 60_000, "next start");
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, port, output: server.output, stop: server.stop };
}

/** Runs a command to completion; throws with its output when it fails or outlives `timeoutMs`. */
async function run(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: Record<string, string> },
): Promise<string> {
  const proc = spawnServer(command, args, { cwd: options.cwd, env: cleanEnv(options.env) });
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), options.timeoutMs);
  await proc.done;
  clearTimeout(timer);
  const { exitCode, signalCode } = proc.child;
  if (exitCode === 0) return proc.output();
  throw new Error(
    `${command} ${args.join(" ")} failed (${exitCode ?? signalCode}) in ${options.cwd}:\n${proc.output()}`,
  );
}
