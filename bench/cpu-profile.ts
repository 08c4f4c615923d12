/**
 * Where next-server's CPU per request goes (issue 13, cheap per request): the production app under
 * its production server with `--cpu-prof` (V8's sampling profiler, 100 µs), loaded with autocannon
 * at 1 connection on the floor route (GET /api/health), GET grants and GET balance in turn; only the
 * samples inside each load window count (V8's profile and `process.hrtime` share CLOCK_MONOTONIC).
 * Each window's busy time is split by whose code ran (CreditKit, zod, undici, Next/React, Node,
 * GC) and by function (mapped through the bundles' source maps), per request; the route's figure
 * minus the floor's is what the route costs over Next's own per-request work.
 *
 *   tsx bench/cpu-profile.ts           # 3 windows of 5 s; writes the "cpu-by-area" section
 *   tsx bench/cpu-profile.ts --smoke   # 1 s each, writes nothing
 *   … --keep                           # keeps the .cpuprofile (open it in Chrome's DevTools)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signIn, startBuiltApp } from "@creditkit/test-kit/built-app";
import { ensureBffBuild } from "./lib/build.ts";
import { type Area, type CpuProfile, summarizeWindow, type WindowSummary } from "./lib/cpu-profile.ts";
import { startEmulatorProcess } from "./lib/emulator-process.ts";
import { load } from "./lib/load.ts";
import { progress } from "./lib/progress.ts";
import { machine, writeSection } from "./lib/results.ts";
import { fixed } from "./lib/stats.ts";

const smoke = process.argv.includes("--smoke");
const seconds = smoke ? 1 : 5;
const QUERY = "limit=10&offset=0&includeVoided=false";
const AREAS: Area[] = [
  "CreditKit",
  "zod",
  "undici",
  "Next.js / React",
  "Node internals",
  "garbage collection",
  "other (program, native)",
];

ensureBffBuild(smoke);
const profileDir = mkdtempSync(join(tmpdir(), "creditkit-cpu-prof-"));
const emulator = await startEmulatorProcess();
const app = await startBuiltApp({
  paygenticUrl: emulator.url,
  apiKey: emulator.apiKey,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=100"],
});

interface Window {
  name: string;
  fromUs: number;
  toUs: number;
  requests: number;
}
const windows: Window[] = [];
try {
  const alice = emulator.customers[0];
  if (!alice) throw new Error("the emulator's demo seed has no customers");
  const cookie = await signIn(app.url, alice.externalId);
  const targets: Array<{ name: string; url: string; headers: Record<string, string> }> = [
    { name: "floor: GET /api/health", url: `${app.url}/api/health`, headers: {} },
    { name: "GET grants (10)", url: `${app.url}/api/topup/grants?${QUERY}`, headers: { cookie } },
    { name: "GET balance", url: `${app.url}/api/topup/balance`, headers: { cookie } },
  ];
  progress("warming up (JIT, pools)");
  for (const t of targets) await load({ ...t, connections: 1, durationSeconds: smoke ? 1 : 2 });
  for (const t of targets) {
    progress(`profiling ${t.name} for ${seconds} s at 1 connection`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a quiet gap between windows
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const result = await load({ ...t, connections: 1, durationSeconds: seconds });
    const toUs = Number(process.hrtime.bigint() / 1000n);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${t.name}: ${result.non2xx} non-2xx answers`);
    windows.push({ name: t.name, fromUs, toUs, requests: result.requests });
  }
} finally {
  await app.stop(); // a graceful exit writes the profile
  await emulator.stop();
}

const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`next-server wrote no CPU profile into ${profileDir}`);
const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile;
if (process.argv.includes("--keep")) progress(`profile kept: ${join(profileDir, file)}`);
else rmSync(profileDir, { recursive: true, force: true });

const summaries = windows.map((w) => ({ ...w, summary: summarizeWindow(profile, w.fromUs, w.toUs) }));
const perRequest = (w: Window & { summary: WindowSummary }, ms: number) => ms / w.requests;
const floor = summaries[0];
if (!floor) throw new Error("no floor window");

const table: string[][] = [
  [
    "where (self time)",
    ...summaries.map((s) => `${s.name} ms/req`),
    ...summaries.slice(1).map((s) => `${s.name} over floor`),
  ],
];
const areaRow = (label: string, pick: (s: WindowSummary) => number) => [
  label,
  ...summaries.map((s) => fixed(perRequest(s, pick(s.summary)), 3)),
  ...summaries.slice(1).map((s) => fixed(perRequest(s, pick(s.summary)) - perRequest(floor, pick(floor.summary)), 3)),
];
table.push(areaRow("**all busy time**", (s) => s.busyMs));
for (const area of AREAS) table.push(areaRow(area, (s) => s.byArea.get(area) ?? 0));

const top = (s: (typeof summaries)[number], n: number) =>
  [...s.summary.byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${fixed(perRequest(s, ms), 4)} ${name}`);
const creditKitTop = (s: (typeof summaries)[number], n: number) =>
  [...s.summary.byFunction.entries()]
    .filter(([name]) => / (packages\/[a-z-]+\/src|apps\/bff\/(lib|app))\//.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${fixed(perRequest(s, ms), 4)} ${name}`);

const grants = summaries[1];
const notes = [
  `next-server (apps/bff/server.mjs on the production build, as startBuiltApp starts it) with --cpu-prof at 100 µs; autocannon at 1 connection, ${seconds} s per route after a warm-up, the routes one after another; only samples inside each route's window count, idle excluded. Requests: ${summaries.map((s) => `${s.name} ${s.requests.toLocaleString("en-US")}`).join(", ")}.`,
  "Areas by the source of the function on top of the stack (self time), mapped through the bundles' source maps: CreditKit = packages/*/src and apps/bff/lib|app; \"Node internals\" includes the socket writes and reads of both the answer and the upstream call. A profiler adds its own cost (about ×1.1–1.5), so compare rows with rows, and the bench's overhead section for figures without it.",
];
if (grants) {
  notes.push(`Top self time, ${grants.name}, ms per request: ${top(grants, 12).join("; ")}.`);
  notes.push(`CreditKit's own functions, ${grants.name}: ${creditKitTop(grants, 8).join("; ") || "none sampled"}.`);
}
const balance = summaries[2];
if (balance)
  notes.push(`CreditKit's own functions, ${balance.name}: ${creditKitTop(balance, 6).join("; ") || "none sampled"}.`);

console.info("\nCPU per request by area (ms)");
for (const row of table) console.info(`  ${row.join(" | ")}`);
for (const note of notes) console.info(`  - ${note}`);
if (!smoke) {
  writeSection("cpu-by-area", {
    title: "next-server CPU per request by area: floor vs grants vs balance (CPU profile, issue 13)",
    measuredAt: new Date().toISOString(),
    machine: machine(),
    table,
    notes,
    data: summaries.map((s) => ({
      name: s.name,
      requests: s.requests,
      busyMs: s.summary.busyMs,
      byArea: Object.fromEntries(s.summary.byArea),
      top: top(s, 30),
    })),
  });
}
