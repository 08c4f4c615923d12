import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** A V8 CPU profile as `--cpu-prof` writes it. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time went, coarsely: whose code was running. */
export type Area =
  | "CreditKit"
  | "zod"
  | "undici"
  | "Next.js / React"
  | "Node internals"
  | "garbage collection"
  | "other (program, native)";

export interface WindowSummary {
  /** Sampled busy time in the window, ms (idle excluded). */
  busyMs: number;
  byArea: Map<Area, number>;
  /** Self time by function, mapped through the bundles' source maps where there is one. */
  byFunction: Map<string, number>;
}

/**
 * Sums the samples of `profile` taken between `fromUs` and `toUs` (CLOCK_MONOTONIC microseconds,
 * the clock both V8's profile timestamps and `process.hrtime` read on Linux), self time only.
 */
export function summarizeWindow(profile: CpuProfile, fromUs: number, toUs: number): WindowSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const frames = new Map<number, { area: Area; name: string }>();
  const byArea = new Map<Area, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < fromUs || t > toUs) continue;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i] as number;
    let frame = frames.get(id);
    if (!frame) {
      frame = describe(byId.get(id)?.callFrame);
      frames.set(id, frame);
    }
    if (frame.name === "(idle)") continue;
    busyMs += ms;
    byArea.set(frame.area, (byArea.get(frame.area) ?? 0) + ms);
    byFunction.set(frame.name, (byFunction.get(frame.name) ?? 0) + ms);
  }
  return { busyMs, byArea, byFunction };
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  let map = maps.get(url);
  if (map === undefined) {
    map = null;
    try {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return map;
}

function describe(frame: CpuProfile["nodes"][number]["callFrame"] | undefined): { area: Area; name: string } {
  if (!frame) return { area: "other (program, native)", name: "(unknown)" };
  const { functionName, url, lineNumber, columnNumber } = frame;
  if (functionName === "(garbage collector)") return { area: "garbage collection", name: functionName };
  if (!url) return { area: "other (program, native)", name: functionName || "(anonymous)" };
  let source = url;
  let line = lineNumber + 1;
  if (url.startsWith("file:")) {
    const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
    if (entry && "originalSource" in entry && entry.originalSource) {
      source = entry.originalSource;
      line = entry.originalLine + 1;
    }
  }
  const short = source
    .replace(/^.*\[project\]\//, "")
    .replace(/^webpack:\/\/([^/]+)\/\.\//, "$1/")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "")
    .replace(/^file:\/\/.*?\/(packages|apps)\//, "$1/");
  const name = `${functionName || "(anonymous)"} ${short}:${line}`;
  return { area: areaOf(short, url), name };
}

function areaOf(short: string, url: string): Area {
  if (/^(packages\/[a-z-]+\/src|apps\/bff\/(lib|app))\//.test(short)) return "CreditKit";
  if (short.startsWith("zod/")) return "zod";
  if (short.startsWith("undici/") || url.includes("internal/deps/undici")) return "undici";
  if (/^(next|react|react-dom|@next)\//.test(short) || url.includes("/.next/server/")) return "Next.js / React";
  if (url.startsWith("node:")) return "Node internals";
  return "other (program, native)";
}
