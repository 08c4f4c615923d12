import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { contractHeaderProblems, errorShapeProblems } from "@creditkit/test-kit/contract-shapes";
import { BASE } from "@creditkit/test-kit/handler-client";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TopUpStore } from "./store/store-types.ts";
import { type LeakMode, startLeakyUpstream } from "./test-support/leaky-upstream.ts";
import { makeHandler } from "./test-support/make-handler.ts";

/**
 * The key never leaves: not even when Paygentic echoes it back. And every answer of the handler,
 * whatever its status, carries the contract's headers (no sniffing, no caching, JSON).
 * (Clickjacking headers are the app's: apps/bff/proxy.ts, tested in apps/bff/tests/proxy-headers.test.ts.)
 */

let emu: TestEmulator;
let leaky: Awaited<ReturnType<typeof startLeakyUpstream>>;
beforeAll(async () => {
  [emu, leaky] = await Promise.all([startTestEmulator(), startLeakyUpstream()]);
});
afterAll(async () => {
  await leaky.close();
  await emu.emu.close();
});
beforeEach(() => emu.reset());

describe("the secret key, when Paygentic echoes it back", () => {
  const KEY = "sk_live_merchantSecret0123456789abcdef";
  const modes: LeakMode[] = ["401-message", "400-field-errors", "500-text", "200-drifted", "200-not-json"];

  it.each(modes)("%s: appears in no response and no log line", async (mode) => {
    leaky.mode = mode;
    const { logger, lines } = captureLogger();
    const client = makeHandler(emu, { logger, paygentic: { apiKey: KEY, baseUrl: leaky.url, retries: 0 } });
    const answers = [
      await client.get("/balance"),
      await client.get("/grants"),
      await client.buy({ packId: "starter" }, "leaky-attempt-1"),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(errorShapeProblems(answer)).toEqual([]);
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...client.responses, ...lines]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("merchantSecret0123456789abcdef");
    }
  });
});

describe("every answer carries nosniff, no-store and a JSON content type", () => {
  it("for each status the handler can give", async () => {
    const down: TopUpStore = {
      getPurchase: () => Promise.reject(new Error("down")),
      getPurchaseByInvoice: () => Promise.reject(new Error("down")),
      putPurchase: () => Promise.reject(new Error("down")),
      markOnce: () => Promise.reject(new Error("down")),
      incrementWindow: () => Promise.reject(new Error("down")),
      getCached: () => Promise.reject(new Error("down")),
      putCached: () => Promise.reject(new Error("down")),
    };
    const client = makeHandler(emu, { rateLimit: { max: 1, windowSeconds: 60 }, maxBodyBytes: 1024 });
    const quick = makeHandler(emu, {
      paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, timeoutMs: 200, retries: 0 },
    });
    const wrongEntitlement = makeHandler(emu, {
      resolveCustomer: () => ({
        customerId: emu.customer("acme-alice").customerId,
        entitlementId: emu.customer("acme-bob").entitlementId,
      }),
    });

    const answers = new Map<number, Awaited<ReturnType<typeof client.get>>>();
    const keep = (a: Awaited<ReturnType<typeof client.get>>) => answers.set(a.status, a);
    keep(await client.get("/catalog"));
    keep(await client.buy({ packId: "starter" }, "headers-attempt-1"));
    keep(await client.get("/grants?limit=0"));
    keep(await client.get("/balance", { as: null }));
    keep(await client.buy({ packId: "starter" }, "headers-attempt-2", { headers: { origin: "https://evil.example" } }));
    keep(await client.get("/nothing-here"));
    keep(await client.send("DELETE", "/catalog"));
    keep(await client.buy({ packId: "growth" }, "headers-attempt-1"));
    keep(await client.buy("x".repeat(2048), "headers-attempt-3"));
    keep(await client.buy({ packId: "starter" }, "headers-attempt-4"));
    keep(await wrongEntitlement.get("/balance"));
    await emu.fault({ method: "GET", path: "/v1/entitlements/*", status: 500, times: 1 });
    keep(await quick.get("/balance"));
    keep(await makeHandler(emu, { store: down }).buy({ packId: "starter" }, "headers-attempt-5"));
    await emu.fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 1000, times: 1 });
    keep(await quick.get("/balance"));

    expect([...answers.keys()].sort()).toEqual([200, 201, 400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504]);
    for (const [status, answer] of answers) {
      expect(contractHeaderProblems(answer), String(status)).toEqual([]);
      if (status >= 400) expect(errorShapeProblems(answer), String(status)).toEqual([]);
    }
    // Nothing a framing page could use: the handler never answers HTML, even for a path it does not know.
    const html = await client.handler(
      new Request(`${BASE}/<script>alert(1)</script>`, { headers: { accept: "text/html" } }),
    );
    expect(html.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await html.text()).not.toContain("<script>");
  });
});
