import { type LoadResult, load } from "../lib/load.ts";
import { measureCpu } from "../lib/proc.ts";
import type { Section, TargetCheck } from "../lib/results.ts";
import { fixed, int, median, round } from "../lib/stats.ts";

/** One way to reach the same answer: straight at the emulator, through the bare proxy, or through the BFF. */
export interface Route {
  setup: "direct" | "proxy" | "bff";
  url: string;
  headers: Record<string, string>;
  /** The process in the middle (the emulator itself for direct), whose CPU per request is reported. */
  pid: number;
}

export interface Endpoint {
  name: string;
  routes: Route[];
}

export interface OverheadOptions {
  endpoints: Endpoint[];
  /** Next's own floor: the BFF's health route (no session, no upstream call). */
  floor: Route;
  connections: number[];
  rounds: number;
  seconds: number;
  /** Quick pass: this many requests per run instead of `seconds`. */
  amount?: number;
}

interface Sample extends LoadResult {
  cpuMsPerRequest: number | null;
}

interface Row {
  endpoint: string;
  setup: string;
  connections: number;
  rounds: Sample[];
}

const P50_BUDGET_MS = 2;
const THROUGHPUT_SHARE = 0.5;
/**
 * Issue 13, cheap per request: CreditKit's own CPU per request, i.e. next-server's CPU per request
 * minus the floor route's (`GET /api/health`) in the same run, by endpoint.
 */
const OWN_CPU_BUDGET_MS: Array<[prefix: string, budgetMs: number]> = [
  ["GET grants", 0.3],
  ["GET balance", 0.15],
];

async function sample(route: Route, connections: number, seconds: number, amount?: number): Promise<Sample> {
  const { result, cpuMs } = await measureCpu(route.pid, () =>
    load({ url: route.url, headers: route.headers, connections, durationSeconds: seconds, amount }),
  );
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    throw new Error(
      `${route.setup} ${route.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors in ${result.requests} requests`,
    );
  }
  return { ...result, cpuMsPerRequest: cpuMs === null ? null : round(cpuMs / result.requests, 3) };
}

/**
 * Section 2: the same autocannon at the same concurrency against the emulator directly, a bare
 * node:http proxy, and the BFF (`next start`), alternating setups within each round so that a
 * busy moment on the machine hits all three alike. Medians over the rounds are reported.
 */
export async function measureBffOverhead(options: OverheadOptions, warmupSeconds: number): Promise<Section> {
  const all = [...options.endpoints.flatMap((e) => e.routes), options.floor];
  if (warmupSeconds > 0) for (const route of all) await sample(route, 10, warmupSeconds); // JIT and pools warm

  const rows = new Map<string, Row>();
  const record = (endpoint: string, route: Route, connections: number, s: Sample) => {
    const key = `${endpoint}|${route.setup}|${connections}`;
    const row = rows.get(key) ?? { endpoint, setup: route.setup, connections, rounds: [] };
    row.rounds.push(s);
    rows.set(key, row);
  };
  for (const connections of options.connections) {
    for (let r = 0; r < options.rounds; r++) {
      for (const endpoint of options.endpoints) {
        for (const route of endpoint.routes) {
          record(endpoint.name, route, connections, await sample(route, connections, options.seconds, options.amount));
        }
      }
      const floor = await sample(options.floor, connections, options.seconds, options.amount);
      record("floor", options.floor, connections, floor);
    }
  }
  return toSection([...rows.values()], options);
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  cpu: number | null;
}

function summarize(row: Row): Summary {
  const cpus = row.rounds.map((s) => s.cpuMsPerRequest).filter((c): c is number => c !== null);
  return {
    rps: median(row.rounds.map((s) => s.requestsPerSecond)),
    p50: median(row.rounds.map((s) => s.p50Ms)),
    p99: median(row.rounds.map((s) => s.p99Ms)),
    cpu: cpus.length ? median(cpus) : null,
  };
}

function toSection(rows: Row[], options: OverheadOptions): Section {
  const find = (endpoint: string, setup: string, c: number) => {
    const row = rows.find((r) => r.endpoint === endpoint && r.setup === setup && r.connections === c);
    return row ? summarize(row) : null;
  };
  const table: string[][] = [
    ["endpoint", "setup", "conns", "req/s", "p50 ms", "p99 ms", "p50 vs direct", "req/s vs direct", "CPU ms/req"],
  ];
  const targets: TargetCheck[] = [];
  const data: unknown[] = [];
  for (const row of rows) {
    const s = summarize(row);
    const d = find(row.endpoint, "direct", row.connections);
    const added = d && row.setup !== "direct" ? s.p50 - d.p50 : null;
    const share = d && row.setup !== "direct" ? s.rps / d.rps : null;
    table.push([
      row.endpoint === "floor" ? "floor: GET /api/health" : row.endpoint,
      row.setup,
      String(row.connections),
      int(s.rps),
      fixed(s.p50),
      fixed(s.p99),
      added === null ? "—" : `${added >= 0 ? "+" : ""}${fixed(added)} ms`,
      share === null ? "—" : `${Math.round(share * 100)}%`,
      fixed(s.cpu, 3),
    ]);
    if (row.setup === "bff" && added !== null && share !== null) {
      const at = `${row.endpoint}, ${row.connections} connection${row.connections > 1 ? "s" : ""}`;
      targets.push(
        {
          what: `BFF p50 added over direct: ${at}`,
          target: `≤ ${P50_BUDGET_MS} ms`,
          measured: `${fixed(added)} ms`,
          held: added <= P50_BUDGET_MS,
        },
        {
          what: `BFF throughput vs direct: ${at}`,
          target: `≥ ${THROUGHPUT_SHARE * 100}%`,
          measured: `${Math.round(share * 100)}% (${int(s.rps)} of ${int(d?.rps ?? 0)} req/s)`,
          held: share >= THROUGHPUT_SHARE,
        },
      );
    }
    const floor = find("floor", "bff", row.connections);
    const ownBudget = OWN_CPU_BUDGET_MS.find(([prefix]) => row.endpoint.startsWith(prefix))?.[1];
    if (row.setup === "bff" && ownBudget !== undefined && s.cpu !== null && floor?.cpu != null) {
      const own = s.cpu - floor.cpu;
      targets.push({
        what: `CreditKit CPU per request over Next's floor: ${row.endpoint}, ${row.connections} connection${row.connections > 1 ? "s" : ""}`,
        target: `≤ ${fixed(ownBudget, 2)} ms`,
        measured: `${fixed(own, 3)} ms (${fixed(s.cpu, 3)} − floor ${fixed(floor.cpu, 3)})`,
        held: own <= ownBudget,
      });
    }
    data.push({ ...row, median: s, addedP50Ms: added === null ? null : round(added), throughputShare: share });
  }
  return {
    title: "BFF overhead: emulator direct vs bare proxy vs BFF (next start)",
    measuredAt: new Date().toISOString(),
    machine: "",
    table,
    notes: [
      `autocannon, pipelining 1, kept-alive connections; ${options.rounds} rounds of ${options.seconds} s per row, setups alternating within each round; medians of the rounds. Latency of 2xx answers, to 0.01 ms.`,
      "CPU ms/req: CPU time of the process in the middle (the emulator for direct, the proxy, or next-server) divided by the requests it answered, from /proc: steadier than req/s on a shared machine.",
      "The floor row is Next's own per-request cost: `GET /api/health` has no session, no upstream call and no body to read; every route of the app pays at least this.",
    ],
    targets,
    explanations: explain(targets, options, find),
    data,
  };
}

/** Why a missed target cannot hold, in the floor's own numbers. */
function explain(
  targets: TargetCheck[],
  options: OverheadOptions,
  find: (endpoint: string, setup: string, c: number) => Summary | null,
): string[] {
  if (targets.every((t) => t.held)) return [];
  const out: string[] = [];
  const grants = options.endpoints[0]?.name ?? "";
  const pct = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;
  for (const c of options.connections) {
    const floor = find("floor", "bff", c);
    const direct = find(grants, "direct", c);
    const proxy = find(grants, "proxy", c);
    const bff = find(grants, "bff", c);
    if (!floor || !direct || !proxy || !bff) continue;
    out.push(
      `Why, at ${c} connection${c > 1 ? "s" : ""}: the emulator answers the grant list from memory at ${int(direct.rps)} req/s ` +
        `(${fixed(direct.cpu, 3)} ms CPU each). Even the bare node:http proxy, with no framework at all, keeps only ` +
        `${pct(proxy.rps, direct.rps)} of that. Next's floor, GET /api/health (no session, no upstream call, one ` +
        `\`Response.json\`), answers ${int(floor.rps)} req/s at p50 ${fixed(floor.p50)} ms with ${fixed(floor.cpu, 3)} ms CPU per ` +
        `request: ${pct(floor.rps, direct.rps)} of direct throughput and +${fixed(floor.p50 - direct.p50)} ms at p50 before the BFF ` +
        `does anything. No route of a Next.js app can beat its floor; the BFF's own work on top of it is ` +
        `${fixed((bff.cpu ?? 0) - (floor.cpu ?? 0), 3)} ms CPU per grants request (session, upstream call, validation, JSON).`,
    );
  }
  out.push(
    "Against the real Paygentic an upstream call crosses a network and takes tens of milliseconds, not the emulator's tenth of one: the BFF's fixed cost is then a few percent of the latency, and throughput is bound by Paygentic, not by the BFF. Where a target is missed above, it is missed by Next's own per-request cost against an in-memory upstream on a shared 2-core machine.",
  );
  return out;
}
