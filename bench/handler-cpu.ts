/**
 * CreditKit's own CPU per request without Next.js (issue 13, cheap per request): the top-up
 * handler called in-process in a loop, the emulator in its own process over loopback HTTP, once
 * with the global fetch and once with `createNodeFetch()` as the Paygentic client's transport,
 * alternating within each round. CPU = process.cpuUsage over the loop / requests: the handler's
 * work, the client's HTTP, building the Request and reading the Response (no Next, no session).
 *
 *   tsx bench/handler-cpu.ts            # 5 rounds; writes the "handler-cpu" section
 *   tsx bench/handler-cpu.ts --smoke    # 1 short round
 *   tsx bench/handler-cpu.ts --profile  # also a V8 CPU profile of the Node-fetch grants loop:
 *                                       # its top self-time functions, and the .cpuprofile in /tmp
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeFetch } from "@creditkit/paygentic/node";
import { createTopUpHandler } from "@creditkit/server";
import { startEmulatorProcess } from "./lib/emulator-process.ts";
import { progress } from "./lib/progress.ts";
import { machine, writeSection } from "./lib/results.ts";
import { fixed, median } from "./lib/stats.ts";

const smoke = process.argv.includes("--smoke");
const profile = process.argv.includes("--profile");
const plan = smoke ? { rounds: 1, requests: 100 } : { rounds: 5, requests: 3_000 };
const ORIGIN = "http://127.0.0.1:3000";
const QUERY = "limit=10&offset=0&includeVoided=false";

progress("starting the emulator");
const emulator = await startEmulatorProcess();
const nodeFetch = createNodeFetch();
try {
  const alice = emulator.customers[0];
  if (!alice) throw new Error("the emulator's demo seed has no customers");
  const handlerWith = (fetch: typeof globalThis.fetch | undefined) =>
    createTopUpHandler({
      paygentic: { apiKey: emulator.apiKey, baseUrl: emulator.url, ...(fetch && { fetch }) },
      catalog: { currency: "usd", packs: [{ id: "starter", credits: 1000, price: "10.00", label: "Starter" }] },
      resolveCustomer: async () => ({ customerId: alice.customerId, entitlementId: alice.entitlementId }),
      publicOrigin: ORIGIN,
      paymentHosts: [emulator.url],
      readRateLimit: { max: 1_000_000_000, windowSeconds: 60 },
    });
  const transports = { "global fetch": handlerWith(undefined), createNodeFetch: handlerWith(nodeFetch) };
  const routes = { "GET grants (10)": `/api/topup/grants?${QUERY}`, "GET balance": "/api/topup/balance" };

  const loop = async (handler: (r: Request) => Promise<Response>, path: string, n: number) => {
    const started = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const response = await handler(new Request(`${ORIGIN}${path}`));
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.text();
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / n;
  };

  const samples = new Map<string, number[]>();
  for (const handler of Object.values(transports)) {
    for (const path of Object.values(routes)) await loop(handler, path, smoke ? 20 : 1_000); // JIT, pools
  }
  for (let round = 0; round < plan.rounds; round++) {
    progress(`round ${round + 1} of ${plan.rounds}`);
    for (const [route, path] of Object.entries(routes)) {
      for (const [name, handler] of Object.entries(transports)) {
        const key = `${route} | ${name}`;
        samples.set(key, [...(samples.get(key) ?? []), await loop(handler, path, plan.requests)]);
      }
    }
  }
  const table: string[][] = [["route", "transport", "CPU ms/req (median)", "min", "max", "vs global fetch"]];
  for (const [key, values] of samples) {
    const [route = "", transport = ""] = key.split(" | ");
    const base = median(samples.get(`${route} | global fetch`) ?? []);
    const change = transport === "global fetch" ? "—" : `${fixed(median(values) - base, 3)} ms`;
    table.push([
      route,
      transport,
      fixed(median(values), 3),
      fixed(Math.min(...values), 3),
      fixed(Math.max(...values), 3),
      change,
    ]);
  }
  const notes = [
    `The app's handler (createTopUpHandler, resolveCustomer answering at once: no session, no Next.js) called in a loop in this process, the emulator in its own process over loopback HTTP; ${plan.rounds} rounds of ${plan.requests.toLocaleString("en-US")} sequential requests per row, the transports alternating within each round; CPU = process.cpuUsage (user + system) over the loop / requests, so it includes building each Request and reading each Response (~0.03 ms).`,
    "GET grants reads Paygentic every time (the entitlement check beside it is cached); GET balance is answered from the 2 s entitlement cache, so it makes no upstream call and both transports cost the same.",
    "The figure is CreditKit's own work plus the HTTP client's, without Next.js: under next-server the same work costs more (Next's AsyncLocalStorage makes every await dearer), see the overhead and CPU-profile sections.",
  ];
  console.info("\nCreditKit's handler in-process, CPU ms per request");
  for (const row of table) console.info(`  ${row.join(" | ")}`);
  if (!smoke) {
    writeSection("handler-cpu", {
      title: "CreditKit's handler in-process: CPU per request by upstream transport (issue 13)",
      measuredAt: new Date().toISOString(),
      machine: machine(),
      table,
      notes,
      data: Object.fromEntries(samples),
    });
  }

  if (profile) {
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
    const n = smoke ? 200 : 4_000;
    await loop(transports.createNodeFetch, routes["GET grants (10)"], n);
    const { profile: cpuProfile } = await session.post("Profiler.stop");
    session.disconnect();
    const file = join(tmpdir(), `creditkit-handler-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(cpuProfile));
    console.info(`\nTop self time, GET grants with createNodeFetch, ms per request (${file}):`);
    for (const [name, ms] of topSelf(cpuProfile, n).slice(0, 25)) console.info(`  ${ms.toFixed(4)}  ${name}`);
  }
} finally {
  await nodeFetch.close();
  await emulator.stop();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function (name and file:line), in ms per request, largest first. */
function topSelf(cpuProfile: { nodes: ProfileNode[]; startTime: number; endTime: number }, requests: number) {
  const totalHits = cpuProfile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const msPerHit = (cpuProfile.endTime - cpuProfile.startTime) / 1000 / Math.max(1, totalHits);
  const byName = new Map<string, number>();
  for (const node of cpuProfile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\/(node_modules|packages)\//, "$1/")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    byName.set(key, (byName.get(key) ?? 0) + (node.hitCount ?? 0) * msPerHit);
  }
  return [...byName.entries()].map(([k, ms]) => [k, ms / requests] as const).sort((a, b) => b[1] - a[1]);
}
