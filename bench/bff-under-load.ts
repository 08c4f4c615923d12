/**
 * The BFF under load, against one emulator process and one `next start` of apps/bff:
 *   2. overhead: emulator direct vs a bare node:http proxy vs the BFF, grants list and balance
 *   5. first paint: the dashboard's server response and what its HTML already shows
 *   6. memory: next-server's RSS before and after 60 s of sustained load
 *
 *   tsx bench/bff-under-load.ts           # ~4 min; writes three sections of bench/results.md
 *   tsx bench/bff-under-load.ts --smoke   # a few seconds of each, writes nothing (CI)
 *   tsx bench/bff-under-load.ts --only=overhead,paint,memory   # some of them (while working on one)
 */
import { type BuiltApp, signIn, startBuiltApp } from "@creditkit/test-kit/built-app";
import { freePort } from "@creditkit/test-kit/free-port";
import { ensureBffBuild } from "./lib/build.ts";
import { type Child, startChild, tsxArgs } from "./lib/children.ts";
import { type EmulatorProcess, startEmulatorProcess } from "./lib/emulator-process.ts";
import { progress } from "./lib/progress.ts";
import { machine, type Section, writeSection } from "./lib/results.ts";
import { timedRequest } from "./lib/timed-request.ts";
import { type Endpoint, measureBffOverhead, type Route } from "./sections/bff-overhead.ts";
import { probeConnectionReuse } from "./sections/connection-reuse.ts";
import { measureFirstPaint } from "./sections/first-paint.ts";
import { measureMemory } from "./sections/memory.ts";

const smoke = process.argv.includes("--smoke");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (name: "overhead" | "paint" | "memory") => !only || only.includes(name);
const plan = smoke
  ? { rounds: 1, seconds: 1, amount: 60, warmup: 0, paintRequests: 3, coldWaitMs: 0, memWarmup: 1, memLoad: 1 }
  : {
      rounds: 3,
      seconds: 3,
      amount: undefined,
      warmup: 2,
      paintRequests: 50,
      coldWaitMs: 2_100,
      memWarmup: 15,
      memLoad: 60,
    };

ensureBffBuild(smoke);
let emulator: EmulatorProcess | undefined;
let proxy: Child | undefined;
let bff: BuiltApp | undefined;
const sections: Array<[string, Section]> = [];
try {
  progress("starting the emulator, the bare proxy and next start");
  emulator = await startEmulatorProcess();
  const emulatorUrl = emulator.url;
  const apiKey = emulator.apiKey;
  const app = async () =>
    startBuiltApp({ port: await freePort(), paygenticUrl: emulatorUrl, apiKey, paymentHosts: [emulatorUrl] });
  const [started, first] = await Promise.all([
    startChild(process.execPath, tsxArgs("bench/lib/bare-proxy.ts", [emulatorUrl]), {
      name: "the bare proxy",
      ready: /bare proxy ready at (http:\/\/\S+)/,
    }),
    app(),
  ]);
  proxy = started.child;
  bff = first;
  const proxyUrl = started.match[1] as string;

  const customers = emulator.customers.slice(0, 3);
  const alice = customers[0];
  if (!alice) throw new Error("the emulator's demo seed has no customers");
  const cookies = await Promise.all(customers.map((c) => signIn((bff as BuiltApp).url, c.externalId)));
  const cookie = cookies[0] as string;

  const auth = { authorization: `Bearer ${emulator.apiKey}` };
  const routes = (upstreamPath: string, bffPath: string): Route[] => [
    {
      setup: "direct",
      url: `${emulator?.url}${upstreamPath}`,
      headers: auth,
      pid: (emulator as EmulatorProcess).child.pid,
    },
    { setup: "proxy", url: `${proxyUrl}${upstreamPath}`, headers: auth, pid: (proxy as Child).pid },
    { setup: "bff", url: `${bff?.url}${bffPath}`, headers: { cookie }, pid: (bff as BuiltApp).pid },
  ];
  const query = "limit=10&offset=0&includeVoided=false";
  const endpoints: Endpoint[] = [
    {
      name: "GET grants (10)",
      routes: routes(`/v1/entitlements/${alice.entitlementId}/grants?${query}`, `/api/topup/grants?${query}`),
    },
    { name: "GET balance", routes: routes(`/v1/entitlements/${alice.entitlementId}`, "/api/topup/balance") },
  ];
  const floor: Route = { setup: "bff", url: `${bff.url}/api/health`, headers: {}, pid: bff.pid };

  if (wanted("overhead")) {
    progress("2. BFF overhead");
    const grantsUrl = `${bff.url}/api/topup/grants?${query}`;
    const reuse = await probeConnectionReuse(grantsUrl, { cookie }, emulator.url, emulator.control, plan.seconds);
    const overhead = await measureBffOverhead(
      { endpoints, floor, connections: [1, 10], rounds: plan.rounds, seconds: plan.seconds, amount: plan.amount },
      plan.warmup,
    );
    if (reuse) {
      overhead.notes?.push(
        `Upstream connections are reused: during ${plan.seconds} s of GET grants at 10 connections the BFF sent ${reuse.upstreamRequests.toLocaleString("en-US")} requests to the emulator over at most ${reuse.connections} TCP connections (counted in /proc/net/tcp).`,
      );
    }
    sections.push(["bff-overhead", { ...overhead, data: { rows: overhead.data, connectionReuse: reuse } }]);
  }

  if (wanted("paint")) {
    progress("5. first paint");
    await emulator.control.reset(); // an empty request log, to count the upstream calls of one render
    const api = async (path: string) =>
      JSON.parse((await timedRequest(`${bff?.url}${path}`, { headers: { cookie } })).body);
    const [balance, catalog, grants] = await Promise.all([
      api("/api/topup/balance"),
      api("/api/topup/catalog"),
      api(`/api/topup/grants?${query}`),
    ]);
    const paint = await measureFirstPaint({
      appUrl: bff.url,
      cookie,
      control: emulator.control,
      expect: {
        balance: (balance.balance as number).toLocaleString("en-US"),
        packLabels: (catalog.packs as Array<{ label: string }>).map((p) => p.label),
        firstGrantAmount: (grants.grants[0].amount as number).toLocaleString("en-US"),
      },
      requests: plan.paintRequests,
      coldWaitMs: plan.coldWaitMs,
    });
    sections.push(["first-paint", paint]);
  }

  if (wanted("memory")) {
    progress(`6. memory (a fresh next start, then ${plan.memWarmup + plan.memLoad} s or more of load)`);
    // A fresh process: minutes of the overhead floods leave V8's heap sized for them, and this
    // section is about what the dashboard's own traffic does to a BFF.
    await bff.stop();
    bff = await app();
    const appUrl = bff.url;
    const freshCookies = await Promise.all(customers.map((c) => signIn(appUrl, c.externalId)));
    sections.push([
      "memory",
      await measureMemory({
        appUrl,
        pid: bff.pid,
        cookies: freshCookies,
        warmupSeconds: plan.memWarmup,
        loadSeconds: plan.memLoad,
        connections: 10,
        amount: plan.amount,
      }),
    ]);
  }
} finally {
  progress("stopping");
  await bff?.stop();
  await proxy?.stop();
  await emulator?.stop();
}

for (const [key, section] of sections) {
  console.info(`\n${section.title}`);
  for (const row of section.table) console.info(`  ${row.join(" | ")}`);
  for (const note of section.notes ?? []) console.info(`  - ${note}`);
  if (!smoke) writeSection(key, { ...section, machine: machine() });
}
