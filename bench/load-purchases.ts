/**
 * Issue 7's purchase load, over real HTTP on loopback: 50 concurrent clients across 50 customers
 * send 500 create-purchase requests reusing 100 attempt keys, mixed with 300 balance, grants and
 * status reads. Held = exactly 100 invoices at the emulator, zero 5xx, every answer in the
 * contract's shape. Runs once with one instance (memory store) and once with two instances
 * sharing a real Redis (when redis-server is installed). Bounded by the request list.
 *
 *   tsx bench/load-purchases.ts           # writes the "bff-load" section of bench/results.md
 *   tsx bench/load-purchases.ts --smoke   # same run, writes nothing (CI)
 */
import { createTopUpHandler, derivePurchaseKeys, type TopUpHandler } from "@creditkit/server";
import { createRedisStore, type RedisStore } from "@creditkit/server/redis";
import { DEMO_CATALOG } from "@creditkit/test-kit/demo-catalog";
import { ORIGIN } from "@creditkit/test-kit/handler-client";
import { invoicesCreated } from "@creditkit/test-kit/invoices";
import {
  CUSTOMER_HEADER,
  ISSUE_PLAN,
  type LoadResult,
  loadSeed,
  percentile,
  runPurchaseLoad,
} from "@creditkit/test-kit/purchase-load";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { serveHandler } from "@creditkit/test-kit/serve-handler";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import { machine, writeSection } from "./lib/results.ts";

const smoke = process.argv.includes("--smoke");
const purchaseIdOf = async (customerId: string, attemptKey: string) =>
  (await derivePurchaseKeys(customerId, attemptKey)).purchaseId;

interface Run {
  setup: string;
  result: LoadResult;
  invoices: number;
  held: boolean;
}

const emu = await startTestEmulator({ seed: loadSeed(ISSUE_PLAN.customers) });
const runs: Run[] = [];
const notes: string[] = [];
try {
  const customers = emu.emu.seedInfo().customers;
  const byExternalId = new Map(customers.map((c) => [c.externalId, c]));
  const customerIds = Array.from({ length: ISSUE_PLAN.customers }, (_, i) => byExternalId.get(`load-${i}`)!.customerId);
  const handler = (store?: RedisStore): TopUpHandler =>
    createTopUpHandler({
      paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url },
      catalog: DEMO_CATALOG,
      resolveCustomer: (request) => {
        const c = byExternalId.get(request.headers.get(CUSTOMER_HEADER) ?? "");
        return c ? { customerId: c.customerId, entitlementId: c.entitlementId } : null;
      },
      publicOrigin: ORIGIN,
      paymentHosts: [emu.emu.url],
      ...(store && { store }),
    });

  /** Serves each instance on its own loopback port; requests alternate between them. */
  async function measure(setup: string, instances: TopUpHandler[], record = true): Promise<void> {
    await emu.reset();
    const servers = await Promise.all(instances.map((h) => serveHandler(h)));
    try {
      let turn = 0;
      const send = async (request: Request) => {
        const base = servers[turn++ % servers.length]!.url;
        const url = new URL(request.url);
        const body = request.method === "GET" ? null : await request.text();
        return fetch(`${base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body });
      };
      const result = await runPurchaseLoad(send, ISSUE_PLAN, customerIds, purchaseIdOf);
      const invoices = await invoicesCreated(emu);
      const held = invoices === ISSUE_PLAN.attemptKeys && result.fiveHundreds === 0 && result.problems.length === 0;
      if (record) runs.push({ setup, result, invoices, held });
      for (const problem of result.problems.slice(0, 5)) console.error(`  ${setup}: ${problem}`);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  }

  // One unrecorded pass on throw-away instances, so the figures are not about JIT warm-up.
  await measure("warm-up", [handler()], false);
  await measure("1 instance, memory store", [handler()]);

  let redis: TestRedisServer | undefined;
  try {
    redis = await TestRedisServer.start();
  } catch (error) {
    notes.push(`Two instances + Redis not measured: ${(error as Error).message}`);
  }
  if (redis) {
    const store = createRedisStore({ url: redis.url });
    try {
      await store.ready();
      await measure("2 instances, shared Redis", [handler(store), handler(store)]);
    } finally {
      await store.close();
      await redis.kill();
    }
  }
} finally {
  await emu.emu.close();
}

for (const { setup, result, invoices, held } of runs) {
  console.info(
    `BFF purchase load (${setup}): ${result.requests} requests in ${Math.round(result.durationMs)} ms, ` +
      `${invoices} invoices, ${result.fiveHundreds} 5xx, ${result.problems.length} contract problems, ` +
      `p50 ${percentile(result.latenciesMs, 50)} ms, p99 ${percentile(result.latenciesMs, 99)} ms → ${held ? "held" : "NOT HELD"}`,
  );
}

if (!smoke) {
  writeSection("bff-load", {
    title: "BFF: purchase load (issue 7)",
    measuredAt: new Date().toISOString(),
    machine: machine(),
    table: [
      ["setup", "requests", "invoices", "5xx", "contract problems", "p50 ms", "p99 ms", "duration ms", "result"],
      ...runs.map(({ setup, result, invoices, held }) => [
        setup,
        String(result.requests),
        `${invoices} (want ${ISSUE_PLAN.attemptKeys})`,
        String(result.fiveHundreds),
        String(result.problems.length),
        String(percentile(result.latenciesMs, 50)),
        String(percentile(result.latenciesMs, 99)),
        String(Math.round(result.durationMs)),
        held ? "held" : "NOT HELD",
      ]),
    ],
    notes: [
      `${ISSUE_PLAN.clients} concurrent clients, ${ISSUE_PLAN.customers} customers, ${ISSUE_PLAN.creates} create-purchase requests reusing ${ISSUE_PLAN.attemptKeys} attempt keys, ${ISSUE_PLAN.readsOfEachKind} each of balance, grants and status reads; over HTTP on loopback against the emulator.`,
      "Latency is per request as the client sees it, emulator included.",
      ...notes,
    ],
    data: runs.map(({ setup, result, invoices }) => ({
      setup,
      requests: result.requests,
      invoices,
      fiveHundreds: result.fiveHundreds,
      statuses: result.statuses,
      problems: result.problems.length,
      p50Ms: percentile(result.latenciesMs, 50),
      p99Ms: percentile(result.latenciesMs, 99),
      durationMs: Math.round(result.durationMs),
    })),
  });
}
if (runs.length === 0 || runs.some((r) => !r.held)) process.exitCode = 1;
