import { startEmulator } from "@creditkit/emulator";
import { load } from "./lib/load.ts";
import { machine, writeSection } from "./lib/results.ts";

/**
 * The emulator must never be what bounds a BFF benchmark: measure its grant list on loopback.
 * Target: over 2,000 requests/s. `--smoke` runs one short pass (CI) and writes nothing; it fails
 * only on errors or non-2xx answers, never on a timing (CI machines are not benchmark machines).
 */
const smoke = process.argv.includes("--smoke");
const TARGET_RPS = 2_000;

const emu = await startEmulator({ port: 0, deterministic: true });
try {
  const alice = emu.seedInfo().customers[0];
  if (!alice) throw new Error("demo seed has no customers");
  const url = `${emu.url}/v1/entitlements/${alice.entitlementId}/grants?limit=20`;
  const headers = { authorization: `Bearer ${emu.apiKey}` };
  await load({ url, headers, connections: 10, durationSeconds: 2, ...(smoke && { amount: 200 }) }); // warm-up
  const result = await load({ url, headers, connections: 10, durationSeconds: 10, ...(smoke && { amount: 1_000 }) });
  const held = result.requestsPerSecond > TARGET_RPS && result.non2xx === 0 && result.errors === 0;
  console.log(
    `emulator GET grants (limit 20): ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors → ${held ? "target held" : "TARGET MISSED"} (> ${TARGET_RPS} req/s)`,
  );
  if (!smoke) {
    writeSection("emulator", {
      title: "Emulator: grant list on loopback",
      measuredAt: new Date().toISOString(),
      machine: machine(),
      table: [
        ["endpoint", "connections", "req/s", "p50 ms", "p99 ms", "non-2xx", "target"],
        [
          "GET /v1/entitlements/{id}/grants?limit=20",
          "10",
          String(result.requestsPerSecond),
          String(result.p50Ms),
          String(result.p99Ms),
          String(result.non2xx),
          `> ${TARGET_RPS} req/s: ${held ? "held" : "missed"}`,
        ],
      ],
      targets: [
        {
          what: "Emulator grant list throughput (the load generator's upstream must never be the bound)",
          target: `> ${TARGET_RPS.toLocaleString("en-US")} req/s`,
          measured: `${result.requestsPerSecond.toLocaleString("en-US")} req/s`,
          held,
        },
      ],
      data: result,
    });
  }
  if (result.non2xx > 0 || result.errors > 0 || (!smoke && !held)) process.exitCode = 1;
} finally {
  await emu.close();
}
