import { randomBytes } from "node:crypto";
import { type EmulatorControl, paymentSessionIdOf } from "@creditkit/emulator/control";
import type { Browser, BrowserContext } from "playwright-core";
import type { Section, TargetCheck } from "../lib/results.ts";
import { fixed, percentile, round } from "../lib/stats.ts";
import { timedRequest } from "../lib/timed-request.ts";
import type { RelayedCall } from "../lib/timing-relay.ts";
import type { WebhookSwitch } from "../lib/webhook-switch.ts";

export interface Shopper {
  cookie: string;
  entitlementId: string;
}

export interface ReturnLatencyOptions {
  browser: Browser;
  appUrl: string;
  emulatorUrl: string;
  apiKey: string;
  control: EmulatorControl;
  webhooks: WebhookSwitch;
  relayedCalls(): Promise<RelayedCall[]>;
  /** Purchases are rate-limited per customer: samples rotate over these. */
  shoppers: Shopper[];
  /** Samples per mode. The grant appears at evenly spread moments within `spreadMs` of the pending state. */
  samples: number;
  spreadMs: number;
}

type Mode = "polling" | "webhook";
const TARGETS: Record<Mode, number> = { polling: 1_500, webhook: 300 };

/** Records when the outcome turns "credited" in the DOM, at the next frame (when it is painted). */
const PAID_OBSERVER = `
  window.__ckPaidAt = undefined;
  new MutationObserver(() => {
    if (window.__ckPaidAt !== undefined || !document.querySelector(".ck-status--paid")) return;
    window.__ckPaidAt = null;
    requestAnimationFrame(() => { window.__ckPaidAt = performance.timeOrigin + performance.now(); });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
`;

interface Sample {
  mode: Mode;
  delayMs: number;
  latencyMs: number;
  /** Upstream invoice reads per second from the page load to "credited": the price of the status polls. */
  invoiceReadsPerSecond: number;
}

/**
 * Section 4: the customer is back on the dashboard and the widget shows the purchase pending; then
 * the payment settles (the emulator's control route completes the session, which creates the grant)
 * and we time from the grant's createdAt to the widget showing "credited" in a real Chromium.
 * Polling only: the webhook switch drops invoice.paid; webhook: it reaches the BFF. Modes alternate.
 */
export async function measureReturnLatency(options: ReturnLatencyOptions): Promise<Section> {
  const contexts: BrowserContext[] = [];
  for (const shopper of options.shoppers) {
    const context = await options.browser.newContext();
    const [name, value] = shopper.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: options.appUrl }]);
    await context.addInitScript(PAID_OBSERVER);
    contexts.push(context);
  }
  const samples: Sample[] = [];
  try {
    let turn = 0;
    for (let i = 0; i < options.samples; i++) {
      const delayMs = Math.round((i * options.spreadMs) / options.samples);
      for (const mode of ["polling", "webhook"] as const) {
        const k = turn++ % options.shoppers.length;
        samples.push(
          await sample(options, contexts[k] as BrowserContext, options.shoppers[k] as Shopper, mode, delayMs),
        );
      }
    }
  } finally {
    for (const context of contexts) await context.close();
  }
  return toSection(samples, options);
}

async function sample(
  options: ReturnLatencyOptions,
  context: BrowserContext,
  shopper: Shopper,
  mode: Mode,
  delayMs: number,
): Promise<Sample> {
  options.webhooks.set(mode === "webhook");
  const created = await timedRequest(`${options.appUrl}/api/topup/purchases`, {
    method: "POST",
    headers: {
      cookie: shopper.cookie,
      origin: options.appUrl,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
      "idempotency-key": `bench_${randomBytes(12).toString("hex")}`,
    },
    body: JSON.stringify({ packId: "starter" }),
  });
  if (created.status !== 201) throw new Error(`create purchase answered ${created.status}: ${created.body}`);
  const purchase = JSON.parse(created.body) as { purchaseId: string; paymentUrl: string };

  const page = await context.newPage();
  try {
    await options.relayedCalls(); // count the invoice reads from the page load on
    const loadedAt = Date.now();
    await page.goto(`${options.appUrl}/?ck_purchase=${purchase.purchaseId}&ck_result=success`);
    await page.locator(".ck-status--pending").waitFor({ timeout: 10_000 });
    await new Promise((r) => setTimeout(r, delayMs));

    const before = Date.now();
    const outcome = await options.control.completeSession(paymentSessionIdOf(purchase.paymentUrl));
    const after = Date.now();
    const grantCreatedAt = await grantCreationTime(options, shopper, outcome.invoiceId);
    if (grantCreatedAt < before - 5 || grantCreatedAt > after + 5) {
      throw new Error("the emulator's clock is not the real clock: its grant times cannot be compared");
    }
    await page.waitForFunction(() => typeof (window as { __ckPaidAt?: unknown }).__ckPaidAt === "number", null, {
      timeout: 20_000,
    });
    const paidAt = (await page.evaluate(() => (window as unknown as { __ckPaidAt: number }).__ckPaidAt)) as number;
    const calls = await options.relayedCalls();
    const reads = calls.filter((c) => c.path.startsWith("/v2/invoices/") && c.startedAt <= paidAt).length;
    return {
      mode,
      delayMs,
      latencyMs: paidAt - grantCreatedAt,
      invoiceReadsPerSecond: reads / ((paidAt - loadedAt) / 1000),
    };
  } finally {
    await page.close();
  }
}

/** The grant's createdAt (ms) on the emulator's clock, which is the real clock unless a test moved it. */
async function grantCreationTime(options: ReturnLatencyOptions, shopper: Shopper, invoiceId: string): Promise<number> {
  const auth = { authorization: `Bearer ${options.apiKey}` };
  const invoice = JSON.parse(
    (await timedRequest(`${options.emulatorUrl}/v2/invoices/${invoiceId}`, { headers: auth })).body,
  );
  const grantId = invoice.metadata?.grantId as string | undefined;
  if (!grantId) throw new Error(`invoice ${invoiceId} has no grant after the payment completed`);
  const grant = JSON.parse(
    (
      await timedRequest(`${options.emulatorUrl}/v1/entitlements/${shopper.entitlementId}/grants/${grantId}`, {
        headers: auth,
      })
    ).body,
  );
  return Date.parse(grant.createdAt);
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${fixed(ms / 1000, 2)} s` : `${fixed(ms, 0)} ms`);

function toSection(samples: Sample[], options: ReturnLatencyOptions): Section {
  const rows: string[][] = [["mode", "samples", "p50 ms", "p90 ms", "max ms", "invoice reads/s", "target (p50)"]];
  const data: Record<string, unknown> = {};
  const targets: TargetCheck[] = [];
  for (const mode of ["polling", "webhook"] as const) {
    const mine = samples.filter((s) => s.mode === mode);
    const latencies = mine.map((s) => s.latencyMs);
    const p50 = percentile(latencies, 50);
    const reads = percentile(
      mine.map((s) => s.invoiceReadsPerSecond),
      50,
    );
    rows.push([
      mode === "polling" ? "polling only" : "with the webhook",
      String(mine.length),
      fixed(p50, 0),
      fixed(percentile(latencies, 90), 0),
      fixed(Math.max(...latencies), 0),
      fixed(reads, 1),
      `≤ ${TARGETS[mode]} ms: ${p50 <= TARGETS[mode] ? "held" : "MISSED"}`,
    ]);
    targets.push({
      what: `Return: grant created → widget shows credited, ${mode === "polling" ? "polling only" : "with the webhook"}, p50`,
      target: `≤ ${fmtMs(TARGETS[mode])}`,
      measured: fmtMs(p50),
      held: p50 <= TARGETS[mode],
    });
    data[mode] = {
      p50Ms: round(p50),
      p90Ms: round(percentile(latencies, 90)),
      maxMs: round(Math.max(...latencies)),
      invoiceReadsPerSecond: round(reads),
      samples: mine.map((s) => ({
        delayMs: s.delayMs,
        latencyMs: round(s.latencyMs),
        readsPerSecond: round(s.invoiceReadsPerSecond),
      })),
    };
  }
  return {
    title: "Return: grant created → widget shows credited (real Chromium)",
    measuredAt: new Date().toISOString(),
    machine: "",
    table: rows,
    targets,
    notes: [
      `The customer is back on the dashboard (\`/?ck_purchase=…&ck_result=success\`) and the widget shows the purchase pending; the payment then settles 0–${options.spreadMs / 1000} s later (${options.samples} evenly spread moments per mode, modes alternating). Latency: the grant's createdAt to the frame after the outcome turns "credited" (a MutationObserver in the page).`,
      "The widget checks the purchase every 250 ms for the first 10 s after the return, then backs off (×1.5 up to 5 s, 60 s in all); the BFF answers a settled purchase from its store (the webhook's work) and asks Paygentic for the invoice otherwise.",
      "Invoice reads/s: upstream GET /v2/invoices calls per second the BFF made for one returning customer, from the page load to credited (the price of those checks), median.",
      `Webhooks reached the BFF ${options.webhooks.delivered()} times (webhook mode only; in polling mode the switch drops them).`,
    ],
    data,
  };
}
