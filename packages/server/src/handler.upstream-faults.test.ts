import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "./test-support/make-handler.ts";

const emu = await emulatorForFile();

const ENTITLEMENT = "/v1/entitlements/*";
const PURCHASE = "/v1/entitlements/*/grants/purchase";

/** A handler whose client gives up quickly, so failures are observed without long waits. */
function quick(retries = 0) {
  return makeHandler(emu, { paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, timeoutMs: 300, retries } });
}

describe("upstream failures map to contract codes", () => {
  it("a slow Paygentic is 504 upstream_timeout", async () => {
    await emu.fault({ method: "GET", path: ENTITLEMENT, delayMs: 1500 });
    const res = await quick().get("/balance");
    expect(res.status).toBe(504);
    expect(res.json.error.code).toBe("upstream_timeout");
  });

  it("a single 503 is retried by the client and the caller sees success", async () => {
    await emu.fault({ method: "POST", path: PURCHASE, status: 503, times: 1, retryAfter: 0 });
    const res = await quick(2).buy({ packId: "starter" }, "retry-503-1");
    expect(res.status).toBe(201);
    const calls = (await emu.requests()).filter((r) => r.path.endsWith("/grants/purchase"));
    expect(calls.map((c) => c.status)).toEqual([503, 201]);
  });

  it("a lasting 503 is 503 upstream_unavailable", async () => {
    await emu.fault({ method: "GET", path: ENTITLEMENT, status: 503, retryAfter: 0 });
    const res = await quick(1).get("/balance");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("upstream_unavailable");
  });

  it("a lasting 429 is 503 upstream_unavailable", async () => {
    await emu.fault({ method: "GET", path: ENTITLEMENT, status: 429, retryAfter: 0 });
    const res = await quick(0).get("/balance");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("upstream_unavailable");
  });

  it("a reset connection is 503 upstream_unavailable", async () => {
    await emu.fault({ method: "GET", path: ENTITLEMENT, reset: true });
    const res = await quick(0).get("/balance");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("upstream_unavailable");
  });

  it("a malformed body is 502 upstream_invalid_response", async () => {
    await emu.fault({ method: "GET", path: ENTITLEMENT, body: "malformed" });
    const res = await quick().get("/balance");
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_invalid_response");
  });

  it("a drifted schema is 502 upstream_invalid_response, never passed through", async () => {
    await emu.fault({ method: "GET", path: "/v1/entitlements/*/grants", body: "schema-drift" });
    const res = await quick().get("/grants");
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_invalid_response");
  });

  it("an unexpected 500 is 502 upstream_error", async () => {
    await emu.fault({ method: "POST", path: PURCHASE, status: 500 });
    const res = await quick().buy({ packId: "starter" }, "upstream-500-1");
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_error");
  });

  it("a malformed purchase answer is 502 and stores nothing, so a retry can succeed", async () => {
    await emu.fault({ method: "POST", path: PURCHASE, body: "malformed", times: 1 });
    const client = quick();
    const first = await client.buy({ packId: "starter" }, "malformed-purchase-1");
    expect(first.status).toBe(502);
    expect(first.json.error.code).toBe("upstream_invalid_response");
    const second = await client.buy({ packId: "starter" }, "malformed-purchase-1");
    expect(second.status).toBe(201);
  });

  it("the invoice read failing while polling maps the same way", async () => {
    const client = quick();
    const created = await client.buy({ packId: "starter" }, "poll-fault-1");
    await emu.fault({ method: "GET", path: "/v2/invoices/*", delayMs: 1500 });
    const res = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(res.status).toBe(504);
  });
});
