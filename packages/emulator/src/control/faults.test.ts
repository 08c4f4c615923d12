import { describe, expect, it } from "vitest";
import { emulatorForFile, failure, namedFields } from "../testing/harness.ts";
import { compilePathPattern } from "./faults.ts";
import { driftBody } from "./schema-drift.ts";

const t = await emulatorForFile();

const GRANTS = "/v1/entitlements/ent_demoalice/grants";
const fault = async (spec: Record<string, unknown>) => {
  const res = await t.control("POST", "/__emulator/faults", spec);
  expect(res.status).toBe(201);
  return res.json.id as string;
};
const grantCount = async () => (await t.api("GET", `${GRANTS}?includeVoided=true`)).json.pagination.total as number;

describe("path patterns", () => {
  it("lets * match within a segment and ** across segments", () => {
    const one = compilePathPattern("/v1/entitlements/*");
    expect(one.test("/v1/entitlements/ent_1")).toBe(true);
    expect(one.test("/v1/entitlements/ent_1/grants")).toBe(false);
    const purchase = compilePathPattern("/v1/entitlements/*/grants/purchase");
    expect(purchase.test("/v1/entitlements/ent_1/grants/purchase")).toBe(true);
    const deep = compilePathPattern("/v1/**");
    expect(deep.test("/v1/entitlements/ent_1/grants/grt_1")).toBe(true);
    expect(compilePathPattern("/v2/invoices/inv_1.json").test("/v2/invoices/inv_1xjson")).toBe(false);
  });
});

describe("schema drift", () => {
  it("retypes a required field of the object, or of a list's first item", () => {
    expect(driftBody({ id: "grt_1", amount: 5 })).toEqual({ id: 12345, amount: 5 });
    expect(driftBody({ object: "list", data: [{ id: "a" }], pagination: {} })).toMatchObject({ data: [{ id: 12345 }] });
    expect(driftBody({ object: "list", data: [], pagination: { total: 0 } })).toMatchObject({
      pagination: { total: "unknown" },
    });
    expect(driftBody({ customerId: "cus_1", validTaxAddress: {} })).toMatchObject({ customerId: 12345 });
  });
});

describe("faults", () => {
  it("status: answers without processing, with Retry-After on 429/503", async () => {
    await fault({ method: "POST", path: "/v1/entitlements/*/grants", status: 503 });
    const res = await t.api("POST", GRANTS, { amount: 5, idempotencyKey: "f1" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.json).toMatchObject({ error: "service_unavailable", message: expect.any(String) });
    expect(await grantCount()).toBe(26);
    await fault({ method: "GET", path: "/v2/invoices/*", status: 429, retryAfter: 7 });
    const limited = await t.api("GET", "/v2/invoices/inv_1");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    await fault({ path: "/v0/customers", status: 500 });
    const plain = await t.api("GET", "/v0/customers?organizationId=org_acmecloud");
    expect([plain.status, plain.headers.get("retry-after")]).toEqual([500, null]);
  });

  it("times: applies to that many matching requests, then the route behaves again", async () => {
    await fault({ method: "GET", path: GRANTS, status: 502, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.api("GET", GRANTS)).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it("method: only requests with that method match; the first matching fault wins", async () => {
    await fault({ method: "POST", path: GRANTS, status: 500 });
    await fault({ path: GRANTS, status: 504 });
    await fault({ path: GRANTS, status: 502 });
    expect((await t.api("GET", GRANTS)).status).toBe(504);
    expect((await t.api("POST", GRANTS, { amount: 1, idempotencyKey: "m" })).status).toBe(500);
  });

  it("reset: drops the connection without answering or processing", async () => {
    await fault({ method: "POST", path: "/v1/**", reset: true, times: 1 });
    await expect(
      fetch(`${t.emu.url}${GRANTS}`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.emu.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ amount: 5, idempotencyKey: "r1" }),
      }),
    ).rejects.toThrow();
    expect(await grantCount()).toBe(26);
    const log = (await t.control("GET", "/__emulator/requests")).json;
    expect(log[0]).toMatchObject({ method: "POST", path: GRANTS, status: 0 });
  });

  it("delayMs: processes at once and answers late (a client timeout whose effect happened)", async () => {
    await fault({ method: "POST", path: GRANTS, delayMs: 400, times: 1 });
    const aborted = fetch(`${t.emu.url}${GRANTS}`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.emu.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ amount: 5, idempotencyKey: "slow" }),
      signal: AbortSignal.timeout(50),
    });
    await expect(aborted).rejects.toThrow();
    expect(await grantCount()).toBe(27);
    await fault({ method: "GET", path: GRANTS, delayMs: 100, times: 1 });
    expect((await t.api("GET", GRANTS)).status).toBe(200);
  });

  it("body malformed: processes, then answers 2xx with a body that is not JSON", async () => {
    await fault({ method: "POST", path: GRANTS, body: "malformed" });
    const res = await t.api("POST", GRANTS, { amount: 5, idempotencyKey: "mal" });
    expect(res.status).toBe(201);
    expect(res.json).toBeUndefined();
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await grantCount()).toBe(27);
    // Errors are not spoiled: only successes are.
    expect((await t.api("POST", GRANTS, { amount: 0, idempotencyKey: "x" })).status).toBe(400);
  });

  it("body schema-drift: processes, then answers JSON the client's schema rejects", async () => {
    await fault({ path: "/v1/entitlements/*/grants/purchase", body: "schema-drift" });
    const error = await failure(
      t.client.grants.purchase("ent_demoalice", { amount: 5, price: "1.00", idempotencyKey: "d" }),
    );
    expect(error).toMatchObject({ kind: "invalid_response" });
    expect(error.fieldErrors?.[0]?.field).toBe("invoiceId");
    await t.control("DELETE", "/__emulator/faults");
    const replay = await t.client.grants.purchase("ent_demoalice", { amount: 5, price: "1.00", idempotencyKey: "d" });
    expect(replay.invoiceId).toMatch(/^inv_/);
    await fault({ method: "GET", path: GRANTS, body: "schema-drift", times: 1 });
    expect((await failure(t.client.grants.list("ent_demoalice"))).fieldErrors?.[0]?.field).toBe("data.0.id");
  });

  it("location: a 3xx answer carries it, without processing", async () => {
    await fault({ method: "GET", path: GRANTS, status: 307, location: "/v1/entitlements/ent_demoalice", times: 1 });
    const res = await t.api("GET", GRANTS);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/v1/entitlements/ent_demoalice");
  });

  it("bodyDelayMs: headers and half the body at once, the rest after the delay", async () => {
    await fault({ method: "GET", path: GRANTS, bodyDelayMs: 300, times: 1 });
    const started = performance.now();
    const res = await fetch(`${t.emu.url}${GRANTS}`, { headers: { authorization: `Bearer ${t.emu.apiKey}` } });
    const headersAfter = performance.now() - started;
    const body = await res.json();
    expect(headersAfter).toBeLessThan(250);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(body).toMatchObject({ object: "list" });
  });

  it.each([
    ["oversized", true],
    ["oversized-chunked", false],
  ] as const)("body %s: the real answer padded past 2 MiB, still JSON", async (body, withLength) => {
    await fault({ method: "GET", path: GRANTS, body, times: 1 });
    const res = await fetch(`${t.emu.url}${GRANTS}`, { headers: { authorization: `Bearer ${t.emu.apiKey}` } });
    expect(res.headers.has("content-length")).toBe(withLength);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(JSON.parse(text)).toMatchObject({ object: "list" });
  });

  it("never touches /__emulator or /portal, and DELETE clears every fault", async () => {
    await fault({ path: "/**", status: 500 });
    expect((await t.control("GET", "/__emulator/seed")).status).toBe(200);
    expect((await t.control("GET", "/portal/pay/ps_unknown")).status).toBe(404);
    expect((await t.api("GET", GRANTS)).status).toBe(500);
    expect((await t.control("DELETE", "/__emulator/faults")).status).toBe(200);
    expect((await t.api("GET", GRANTS)).status).toBe(200);
  });

  it("refuses a fault that makes no sense, naming the field", async () => {
    expect(namedFields(await t.control("POST", "/__emulator/faults", { path: "v1", status: 503 }))).toEqual(["path"]);
    expect(namedFields(await t.control("POST", "/__emulator/faults", { path: "/v1" }))).toEqual(["status"]);
    const both = await t.control("POST", "/__emulator/faults", { path: "/v1", status: 503, body: "malformed" });
    expect(namedFields(both)).toEqual(["body"]);
    const odd = await t.control("POST", "/__emulator/faults", { path: "/v1", status: 99, times: 0, body: "weird" });
    expect(namedFields(odd).sort()).toEqual(["body", "status", "times"]);
    const noRedirect = await t.control("POST", "/__emulator/faults", { path: "/v1", status: 503, location: "/v1" });
    expect(namedFields(noRedirect)).toEqual(["location"]);
    const slowFault = await t.control("POST", "/__emulator/faults", { path: "/v1", status: 503, bodyDelayMs: 5 });
    expect(namedFields(slowFault)).toEqual(["bodyDelayMs"]);
    expect((await t.api("GET", GRANTS)).status).toBe(200);
  });
});
