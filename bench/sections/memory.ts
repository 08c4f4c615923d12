import { type LoadRequest, load } from "../lib/load.ts";
import { rssBytes } from "../lib/proc.ts";
import type { Section } from "../lib/results.ts";
import { fixed, int } from "../lib/stats.ts";

export interface MemoryOptions {
  appUrl: string;
  pid: number;
  /** Session cookies of several customers, so per-customer caches are exercised as in production. */
  cookies: string[];
  warmupSeconds: number;
  loadSeconds: number;
  connections: number;
  /** Quick pass: this many requests per phase instead of the durations. */
  amount?: number;
}

const MAX_GROWTH = 0.1;
const MAX_WARMUP_SECONDS = 45;
const MB = 1024 * 1024;

/**
 * Section 6: the BFF's resident memory before and after sustained load (after a warm-up of the
 * same load, so that JIT code, pools and caches are already there). The mix is what a dashboard
 * causes: the page itself, then catalog, balance and grants, for several customers. RSS is
 * sampled every 5 s to show the trend, not just two points; "before" and "after" are both read
 * after 1 s of quiet, so they compare like with like.
 */
export async function measureMemory(options: MemoryOptions): Promise<Section> {
  const requests = options.cookies.flatMap((cookie): LoadRequest[] => [
    { method: "GET", path: "/", headers: { cookie, accept: "text/html" } },
    { method: "GET", path: "/api/topup/catalog", headers: { cookie } },
    { method: "GET", path: "/api/topup/balance", headers: { cookie } },
    { method: "GET", path: "/api/topup/grants?limit=10&offset=0&includeVoided=false", headers: { cookie } },
  ]);
  const run = (seconds: number) =>
    load({
      url: options.appUrl,
      requests,
      connections: options.connections,
      durationSeconds: seconds,
      amount: options.amount,
    });
  const rss = () => {
    const value = rssBytes(options.pid);
    if (value === null) throw new Error("cannot read the BFF's RSS (/proc is Linux-only)");
    return value;
  };
  const quiet = () => new Promise((r) => setTimeout(r, options.amount ? 0 : 1_000));

  const start = rss();
  // Warm up until the heap has settled: at least warmupSeconds, then 5 s more at a time while RSS
  // still grew by over 3% in the last 5 s (at most MAX_WARMUP_SECONDS). V8 grows its heap to fit a
  // load's garbage before it levels off; growth measured before that would be the warm-up's.
  const warm = await run(options.warmupSeconds);
  let warmedSeconds = options.warmupSeconds;
  const warmTrend = [rss()];
  while (!options.amount && warmedSeconds < MAX_WARMUP_SECONDS) {
    await run(5);
    warmedSeconds += 5;
    warmTrend.push(rss());
    if ((warmTrend.at(-1) as number) <= (warmTrend.at(-2) as number) * 1.03) break;
  }
  await quiet();
  const before = rss();

  const samples: Array<{ atSeconds: number; rssBytes: number }> = [];
  const started = Date.now();
  const timer = setInterval(
    () => samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssBytes: rss() }),
    5_000,
  );
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(options.loadSeconds);
  } finally {
    clearInterval(timer);
  }
  await quiet();
  const after = rss();
  const peak = Math.max(before, after, ...samples.map((s) => s.rssBytes));
  const growth = (after - before) / before;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`memory load: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  const mb = (n: number) => `${fixed(n / MB, 1)} MB`;

  return {
    title: "Memory: the BFF's RSS under sustained load",
    measuredAt: new Date().toISOString(),
    machine: "",
    table: [
      [
        "after start",
        "after warm-up (before)",
        `after ${options.loadSeconds} s of load`,
        "peak during load",
        "growth",
        "target",
      ],
      [
        mb(start),
        mb(before),
        mb(after),
        mb(peak),
        `${growth >= 0 ? "+" : ""}${fixed(growth * 100, 1)}%`,
        `≤ ${MAX_GROWTH * 100}%: ${growth <= MAX_GROWTH ? "held" : "MISSED"}`,
      ],
    ],
    notes: [
      `On a freshly started next-server: ${warmedSeconds} s warm-up (at least ${options.warmupSeconds} s, then until RSS grew by under 3% in 5 s; RSS at its end, MB: ${warmTrend.map((b) => fixed(b / MB, 0)).join(", ")}), then ${options.loadSeconds} s at ${options.connections} connections: ${int(result.requests)} requests (${int(result.requestsPerSecond)} req/s) cycling the dashboard page, catalog, balance and grants for ${options.cookies.length} customers; RSS of next-server from /proc.`,
      `RSS every 5 s during the load (MB): ${samples.map((s) => fixed(s.rssBytes / MB, 0)).join(", ")}.`,
    ],
    targets: [
      {
        what: `Memory: BFF RSS growth over ${options.loadSeconds} s of load, after warm-up`,
        target: `≤ ${MAX_GROWTH * 100}%`,
        measured: `${growth >= 0 ? "+" : ""}${fixed(growth * 100, 1)}% (${mb(before)} → ${mb(after)})`,
        held: growth <= MAX_GROWTH,
      },
    ],
    data: {
      startBytes: start,
      beforeBytes: before,
      afterBytes: after,
      peakBytes: peak,
      growth,
      samples,
      warmup: { ...warm, seconds: warmedSeconds, rssTrendBytes: warmTrend },
      load: result,
    },
  };
}
