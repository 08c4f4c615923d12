/**
 * `pnpm bench`: every benchmark, one after the other, each in its own process (so one's servers,
 * JIT state and garbage never weigh on the next), writing bench/results.md and results.json.
 * `pnpm bench:smoke` (`--smoke`): the same scripts on a tiny budget, writing nothing, so that
 * none of them rots; it fails when a script fails or a size target is missed, never on a timing.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { buildProblem, ensureBffBuild } from "./lib/build.ts";
import { ROOT } from "./lib/children.ts";

const smoke = process.argv.includes("--smoke");

const SCRIPTS: Array<[file: string, what: string]> = [
  ["bench/size.ts", "1. sizes of @creditkit/react"],
  ["bench/bff-under-load.ts", "2. BFF overhead, 5. first paint, 6. memory"],
  ["bench/cpu-profile.ts", "where next-server's CPU per request goes (issue 13)"],
  ["bench/handler-cpu.ts", "CreditKit's handler in-process, by upstream transport (issue 13)"],
  ["bench/purchase-and-return.ts", "3. purchase overhead, 4. return latency (Chromium)"],
  ["bench/emulator-grants.ts", "the emulator's own throughput"],
  ["bench/load-purchases.ts", "purchase load (issue 7)"],
  ["bench/upstream-calls.ts", "upstream calls: per render, per purchase, 500 watchers (issue 13)"],
];

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const args = ["--import", "tsx", join(ROOT, file), ...(smoke ? ["--smoke"] : [])];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Build (or refuse) once, up front, instead of in the middle of the run.
if (buildProblem()) {
  try {
    ensureBffBuild(smoke);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const outcomes: Array<[string, number, number]> = [];
for (const [file, what] of SCRIPTS) {
  console.info(`\n› ${what} (${file}${smoke ? " --smoke" : ""})`);
  const started = Date.now();
  const code = await run(file);
  outcomes.push([file, code, (Date.now() - started) / 1000]);
}

console.info(`\n${smoke ? "benchmark smoke pass" : "benchmarks"}:`);
for (const [file, code, seconds] of outcomes) {
  console.info(`  ${code === 0 ? "ok    " : "FAILED"} ${file} (${seconds.toFixed(1)} s)`);
}
if (!smoke) console.info("results: bench/results.md (and results.json)");
if (outcomes.some(([, code]) => code !== 0)) process.exitCode = 1;
