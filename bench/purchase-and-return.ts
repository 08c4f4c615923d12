/**
 * Purchases through the BFF (`next start`), with a timing relay between it and the emulator:
 *   3. purchase: BFF receive → payment URL, minus the upstream calls' own time
 *   4. return: grant created → the widget shows "credited", polling only and with the webhook
 *
 *   tsx bench/purchase-and-return.ts           # about a minute; writes two sections of bench/results.md
 *   tsx bench/purchase-and-return.ts --smoke   # one purchase of each kind, writes nothing (CI)
 */
import { type BuiltApp, signIn, startBuiltApp } from "@creditkit/test-kit/built-app";
import { freePort } from "@creditkit/test-kit/free-port";
import { meteredSeed } from "@creditkit/test-kit/metered-seed";
import type { Browser } from "playwright-core";
import { launchChromium } from "./lib/browser.ts";
import { ensureBffBuild } from "./lib/build.ts";
import { type Child, startChild, tsxArgs } from "./lib/children.ts";
import { type EmulatorProcess, startEmulatorProcess } from "./lib/emulator-process.ts";
import { progress } from "./lib/progress.ts";
import { machine, type Section, writeSection } from "./lib/results.ts";
import type { RelayedCall } from "./lib/timing-relay.ts";
import { startWebhookSwitch, type WebhookSwitch } from "./lib/webhook-switch.ts";
import { measurePurchaseOverhead } from "./sections/purchase-overhead.ts";
import { measureReturnLatency } from "./sections/return-latency.ts";

const smoke = process.argv.includes("--smoke");
const plan = smoke
  ? { warmup: 1, purchases: 3, returnSamples: 1, spreadMs: 0 }
  : { warmup: 10, purchases: 100, returnSamples: 10, spreadMs: 3_000 };

/** New purchases are limited to 10 per customer per minute: enough customers that no run meets it. */
const PURCHASE_CUSTOMERS = 14;
const RETURN_CUSTOMERS = 4;

ensureBffBuild(smoke);
let emulator: EmulatorProcess | undefined;
let relay: Child | undefined;
let webhooks: WebhookSwitch | undefined;
let bff: BuiltApp | undefined;
let browser: Browser | undefined;
const sections: Array<[string, Section]> = [];
try {
  progress("starting the emulator, the timing relay, the webhook switch, next start and Chromium");
  const port = await freePort();
  webhooks = await startWebhookSwitch(`http://127.0.0.1:${port}`);
  emulator = await startEmulatorProcess({
    seed: meteredSeed(PURCHASE_CUSTOMERS + RETURN_CUSTOMERS, {
      prefix: "bench",
      since: "-P30D",
      extraGrants: [{ amount: 500, effectiveAt: "-P3D", expiresAt: "P30D" }],
    }),
    webhookUrl: `${webhooks.url}/api/topup/webhooks/paygentic`,
  });
  const relayStart = startChild(process.execPath, tsxArgs("bench/lib/timing-relay.ts", [emulator.url]), {
    name: "the timing relay",
    ready: /timing relay ready at (http:\/\/\S+)/,
  });
  const browserStart = launchChromium();
  const started = await relayStart;
  relay = started.child;
  const relayUrl = started.match[1] as string;
  bff = await startBuiltApp({
    port,
    paygenticUrl: relayUrl,
    apiKey: emulator.apiKey,
    paymentHosts: [emulator.url],
    webhookSecret: emulator.webhookSecret,
  });
  browser = await browserStart;
  const appUrl = bff.url;
  const relayedCalls = async () => (await (await fetch(`${relayUrl}/__relay/calls`)).json()) as RelayedCall[];
  const customers = emulator.customers;
  const cookies = await Promise.all(customers.map((c) => signIn(appUrl, c.externalId)));

  progress(`3. purchase overhead (${plan.warmup + plan.purchases} purchases)`);
  sections.push([
    "purchase",
    await measurePurchaseOverhead({
      appUrl,
      cookies: cookies.slice(0, PURCHASE_CUSTOMERS),
      relayedCalls,
      warmup: plan.warmup,
      purchases: plan.purchases,
    }),
  ]);

  progress(`4. return latency (${plan.returnSamples * 2} purchases in Chromium)`);
  sections.push([
    "return",
    await measureReturnLatency({
      browser,
      appUrl,
      emulatorUrl: emulator.url,
      apiKey: emulator.apiKey,
      control: emulator.control,
      webhooks,
      relayedCalls,
      shoppers: customers.slice(PURCHASE_CUSTOMERS).map((c, i) => ({
        cookie: cookies[PURCHASE_CUSTOMERS + i] as string,
        entitlementId: c.entitlementId,
      })),
      samples: plan.returnSamples,
      spreadMs: plan.spreadMs,
    }),
  ]);
} finally {
  progress("stopping");
  await browser?.close();
  await bff?.stop();
  await relay?.stop();
  await emulator?.stop();
  await webhooks?.close();
}

for (const [key, section] of sections) {
  console.info(`\n${section.title}`);
  for (const row of section.table) console.info(`  ${row.join(" | ")}`);
  for (const note of section.notes ?? []) console.info(`  - ${note}`);
  if (!smoke) writeSection(key, { ...section, machine: machine() });
}
