import { describe, expect, it } from "vitest";
import { bffForFile } from "./bff-harness.ts";

const bff = await bffForFile(undefined, { resetEach: false });

// Regression guard: under jsdom a signal may come from jsdom's own AbortController, and whether Node's
// Request accepts it depends on the undici version (newer ones brand-check AbortSignal and throw).
// The harness never hands the caller's signal to Request; it honours abort itself.
describe("the handler fetch under jsdom", () => {
  const foreignController = () => {
    const { window } = (globalThis as unknown as { jsdom: { window: typeof globalThis } }).jsdom;
    return new window.AbortController();
  };

  it("gives the handler a Request with Node's own signal, whatever signal the caller used", async () => {
    const foreign = foreignController();
    expect(foreign.signal).not.toBeInstanceOf(AbortSignal);
    await bff.fetch("/api/topup/catalog", { signal: foreign.signal });
    const sent = bff.sent.at(-1) as Request;
    expect(sent.signal).toBeInstanceOf(AbortSignal);
  });

  it("answers requests that carry a jsdom signal", async () => {
    const res = await bff.fetch("/api/topup/catalog", { signal: foreignController().signal });
    expect(res.status).toBe(200);
  });

  it("rejects with the abort reason when either kind of signal aborts mid-request", async () => {
    await bff.control("POST", "/__emulator/faults", { method: "GET", path: "/v1/entitlements/*", delayMs: 200 });
    for (const controller of [foreignController(), new AbortController()]) {
      const pending = bff.fetch("/api/topup/balance", { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    }
    await bff.control("DELETE", "/__emulator/faults");
  });

  it("sends what a browser sends from the merchant's page", async () => {
    await bff.fetch("/api/topup/purchases", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "test_headers_1" },
      body: JSON.stringify({ packId: "starter" }),
    });
    const post = bff.sent.at(-1) as Request;
    expect(post.url).toBe("http://localhost:3000/api/topup/purchases");
    expect(post.headers.get("origin")).toBe("http://localhost:3000");
    expect(post.headers.get("sec-fetch-site")).toBe("same-origin");
    expect(post.headers.get("cookie")).toBe("session=acme-alice");
  });
});
