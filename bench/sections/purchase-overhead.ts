import { randomBytes } from "node:crypto";
import type { Section } from "../lib/results.ts";
import { fixed, percentile, round } from "../lib/stats.ts";
import { timedRequest } from "../lib/timed-request.ts";
import type { RelayedCall } from "../lib/timing-relay.ts";

export interface PurchaseOverheadOptions {
  appUrl: string;
  /** Session cookies of several customers: new purchases are rate-limited per customer (10 a minute). */
  cookies: string[];
  /** Returns (and forgets) the upstream calls the timing relay saw since the last read. */
  relayedCalls(): Promise<RelayedCall[]>;
  warmup: number;
  purchases: number;
}

const TARGET_P50_MS = 5;

interface Sample {
  totalMs: number;
  upstreamMs: number;
  overheadMs: number;
  upstreamCalls: string[];
}

/**
 * Section 3: time from the BFF receiving "create purchase" to its answer with the payment URL,
 * minus the upstream calls' own time. Purchases are sent one at a time, each with a new attempt
 * key (so each creates an invoice upstream); the timing relay between the BFF and the emulator
 * reports every upstream call, and its time is subtracted from the request's. What remains counts
 * the BFF's work, Next's routing and the loopback hops: an upper bound of the BFF's own cost.
 */
export async function measurePurchaseOverhead(options: PurchaseOverheadOptions): Promise<Section> {
  const samples: Sample[] = [];
  // Resolve every customer once (the BFF caches who they are), so purchases meet a warm directory.
  for (const cookie of options.cookies)
    await timedRequest(`${options.appUrl}/api/topup/balance`, { headers: { cookie } });
  await options.relayedCalls(); // start from an empty log
  for (let i = 0; i < options.warmup + options.purchases; i++) {
    const cookie = options.cookies[i % options.cookies.length] as string;
    const res = await timedRequest(`${options.appUrl}/api/topup/purchases`, {
      method: "POST",
      headers: {
        cookie,
        origin: options.appUrl,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
        "idempotency-key": `bench_${randomBytes(12).toString("hex")}`,
      },
      body: JSON.stringify({ packId: "starter" }),
    });
    const calls = await options.relayedCalls();
    const answer = JSON.parse(res.body) as { paymentUrl?: string };
    if (res.status !== 201 || !answer.paymentUrl)
      throw new Error(`create purchase answered ${res.status}: ${res.body}`);
    if (i < options.warmup) continue;
    const upstreamMs = calls.reduce((sum, c) => sum + c.ms, 0);
    samples.push({
      totalMs: res.totalMs,
      upstreamMs,
      overheadMs: res.totalMs - upstreamMs,
      upstreamCalls: calls.map(
        (c) => `${c.method} ${c.path.split("?")[0]?.replace(/\/[a-z]+_[A-Za-z0-9]+/g, "/{id}")}`,
      ),
    });
  }

  const p = (pick: (s: Sample) => number, q: number) => percentile(samples.map(pick), q);
  const overheadP50 = p((s) => s.overheadMs, 50);
  const callCounts = new Map<string, number>();
  for (const call of samples.flatMap((s) => s.upstreamCalls)) callCounts.set(call, (callCounts.get(call) ?? 0) + 1);
  const held = overheadP50 <= TARGET_P50_MS;

  return {
    title: "Purchase: BFF receive → payment URL, minus the upstream call",
    measuredAt: new Date().toISOString(),
    machine: "",
    table: [
      ["measure", "p50 ms", "p99 ms", "target"],
      ["whole request, as the client sees it", fixed(p((s) => s.totalMs, 50)), fixed(p((s) => s.totalMs, 99)), ""],
      ["upstream calls (timing relay)", fixed(p((s) => s.upstreamMs, 50)), fixed(p((s) => s.upstreamMs, 99)), ""],
      [
        "BFF overhead (request − upstream)",
        fixed(overheadP50),
        fixed(p((s) => s.overheadMs, 99)),
        `p50 ≤ ${TARGET_P50_MS} ms: ${held ? "held" : "MISSED"}`,
      ],
    ],
    notes: [
      `${options.purchases} purchases (after ${options.warmup} warm-up ones), one at a time, each a new attempt key for the Starter pack, spread over ${options.cookies.length} customers; POST over a kept-alive node:http connection.`,
      `Upstream calls seen: ${[...callCounts].map(([call, n]) => `${call} ×${n}`).join(", ")} (the entitlement check is answered from the BFF's 2 s per-customer cache when it is warm).`,
      "The relay's own time is inside the upstream figure, so the overhead is the BFF's work plus Next's routing plus two loopback hops; nothing in the BFF measures itself.",
    ],
    targets: [
      {
        what: "Purchase: BFF time to payment URL minus the upstream call, p50",
        target: `≤ ${TARGET_P50_MS} ms`,
        measured: `${fixed(overheadP50)} ms`,
        held,
      },
    ],
    data: {
      purchases: options.purchases,
      totalP50Ms: round(p((s) => s.totalMs, 50)),
      upstreamP50Ms: round(p((s) => s.upstreamMs, 50)),
      overheadP50Ms: round(overheadP50),
      overheadP99Ms: round(p((s) => s.overheadMs, 99)),
      upstreamCalls: Object.fromEntries(callCounts),
      held,
    },
  };
}
