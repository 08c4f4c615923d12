import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { BASE } from "@creditkit/test-kit/handler-client";
import { purchaseCalls } from "@creditkit/test-kit/invoices";
import { describe, expect, it } from "vitest";
import type { TopUpStore } from "./store/store-types.ts";
import { makeHandler } from "./test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("authentication", () => {
  it.each([
    ["GET", "/catalog"],
    ["GET", "/balance"],
    ["GET", "/grants"],
    ["GET", `/purchases/pur_${"a".repeat(32)}`],
    ["POST", "/purchases"],
  ])("%s %s is 401 without a customer", async (method, path) => {
    const client = makeHandler(emu);
    const res = await client.send(method, path, {
      as: null,
      key: "attempt-0001",
      body: method === "POST" ? "{}" : null,
    });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });

  it("refuses an entitlement that resolveCustomer maps to another customer", async () => {
    const bob = emu.customer("acme-bob");
    const client = makeHandler(emu, {
      resolveCustomer: () => ({ customerId: emu.customer("acme-alice").customerId, entitlementId: bob.entitlementId }),
    });
    const res = await client.get("/balance");
    expect(res.status).toBe(500);
    expect(res.json.error.code).toBe("internal_error");
    expect((await client.buy({ packId: "starter" }, "wrong-ent-1")).status).toBe(500);
    expect(await purchaseCalls(emu)).toHaveLength(0);
  });
});

describe("same-origin and JSON for state-changing requests", () => {
  it.each([
    // (A foreign Origin that claims Sec-Fetch-Site: same-origin is origin_mismatch, still a 403:
    // handler.diagnostics.test.ts.)
    ["a foreign Origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["a same-site (other subdomain) fetch", { "sec-fetch-site": "same-site" }],
  ])("refuses %s with 403 cross_site_request", async (_, headers) => {
    const res = await makeHandler(emu).buy({ packId: "starter" }, "csrf-key-01", { headers });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("cross_site_request");
  });

  it("refuses a request that carries neither Origin nor Sec-Fetch-Site", async () => {
    const client = makeHandler(emu);
    const res = await client.handler(
      new Request(`${BASE}/purchases`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": "no-origin-1",
          "x-test-customer": "acme-alice",
        },
        body: JSON.stringify({ packId: "starter" }),
      }),
    );
    expect(res.status).toBe(403);
  });

  it("accepts Sec-Fetch-Site none (user-initiated) with our Origin", async () => {
    const res = await makeHandler(emu).buy({ packId: "starter" }, "fetch-site-none", {
      headers: { "sec-fetch-site": "none" },
    });
    expect(res.status).toBe(201);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses content-type %s with 403 json_required",
    async (type) => {
      const res = await makeHandler(emu).buy({ packId: "starter" }, "form-post-1", {
        headers: { "content-type": type },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("json_required");
    },
  );

  it("accepts application/json with a charset", async () => {
    const res = await makeHandler(emu).buy({ packId: "starter" }, "charset-key-1", {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(res.status).toBe(201);
  });
});

describe("input validation", () => {
  it.each([
    ["an unknown key", { packId: "starter", price: "0.01" }, "price"],
    ["an entitlement", { packId: "starter", entitlementId: "ent_x" }, "entitlementId"],
    ["a success URL", { packId: "starter", successUrl: "https://evil.example" }, "successUrl"],
    ["a wrong type", { packId: 5 }, "packId"],
    ["an unknown pack", { packId: "mega" }, "packId"],
    ["both packId and credits", { packId: "starter", credits: 1000 }, "(body)"],
    ["neither", {}, "(body)"],
    ["credits below the range", { credits: 400 }, "credits"],
    ["credits above the range", { credits: 100_100 }, "credits"],
    ["credits off the step", { credits: 2550 }, "credits"],
    ["fractional credits", { credits: 2500.5 }, "credits"],
    ["credits as a string", { credits: "2500" }, "credits"],
    ["an array body", [1], "(body)"],
  ])("refuses %s with 400 naming the field", async (_, body, field) => {
    const res = await makeHandler(emu).buy(body, "validation-01");
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", field });
    expect(res.json.error.issues[0].field).toBe(field);
  });

  it("names every bad field in issues", async () => {
    const res = await makeHandler(emu).buy({ packId: "starter", price: "1", customerId: "cus_x" }, "validation-02");
    expect(res.json.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(["customerId", "price"]);
  });

  it.each([
    ["missing", undefined],
    ["too short", "short"],
    ["too long", "x".repeat(65)],
    ["with bad characters", "attempt key!"],
  ])("refuses an Idempotency-Key that is %s", async (_, key) => {
    const res = await makeHandler(emu).buy({ packId: "starter" }, key as string);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", field: "Idempotency-Key" });
  });

  it("refuses a custom amount when the catalog has packs only", async () => {
    const client = makeHandler(emu, {
      catalog: { currency: "USD", packs: [{ id: "one", credits: 100, price: "1.00", label: "One" }] },
    });
    const res = await client.buy({ credits: 1000 }, "packs-only-1");
    expect(res.json.error.field).toBe("credits");
  });

  it.each([
    ["/grants?limit=0", "limit"],
    ["/grants?limit=101", "limit"],
    ["/grants?limit=ten", "limit"],
    ["/grants?offset=-1", "offset"],
    ["/grants?includeVoided=yes", "includeVoided"],
    ["/grants?limit=5&limit=6", "limit"],
    ["/grants?customerId=cus_1", "customerId"],
    ["/balance?entitlementId=ent_1", "entitlementId"],
    ["/purchases/12345", "purchaseId"],
  ])("refuses the bad query or path %s", async (path, field) => {
    const res = await makeHandler(emu).get(path);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", field });
  });

  it("refuses a body that is not JSON", async () => {
    const res = await makeHandler(emu).buy("{packId:", "bad-json-01");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_json");
  });

  it("refuses a body over the limit with 413 before parsing it (declared or streamed)", async () => {
    const client = makeHandler(emu, { maxBodyBytes: 1024 });
    const big = JSON.stringify({ packId: "starter", pad: "x".repeat(2000) });
    const declared = await client.buy(big, "too-large-01");
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe("payload_too_large");

    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(200)));
        controller.close();
      },
    });
    const res = await client.handler(
      new Request(`${BASE}/purchases`, {
        method: "POST",
        headers: {
          origin: "http://127.0.0.1:3000",
          "content-type": "application/json",
          "idempotency-key": "too-large-02",
          "x-test-customer": "acme-alice",
        },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(await purchaseCalls(emu)).toHaveLength(0);
  });
});

describe("routing", () => {
  it("answers an unknown route with JSON 404 and a wrong method with 405 + Allow", async () => {
    const client = makeHandler(emu);
    const unknown = await client.get("/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    const outside = await client.handler(new Request("http://127.0.0.1:3000/elsewhere"));
    expect(outside.status).toBe(404);
    const wrong = await client.send("DELETE", "/catalog");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect(wrong.json.error.code).toBe("method_not_allowed");
    const post = await client.post("/grants", {});
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect((await client.send("HEAD", "/catalog")).status).toBe(200);
  });

  it("answers 404 on the webhook route when no webhook secret is configured", async () => {
    const client = makeHandler(emu, { webhookSecret: undefined });
    const res = await client.post("/webhooks/paygentic", {}, { as: null });
    expect(res.status).toBe(404);
  });
});

describe("the secret key", () => {
  it("appears in no response and no log line, whatever happens", async () => {
    const { logger, lines } = captureLogger();
    const client = makeHandler(emu, {
      logger,
      paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, retries: 0 },
    });
    await client.get("/catalog");
    await client.get("/balance");
    await client.get("/grants");
    const ok = await client.buy({ packId: "starter" }, "secret-key-1");
    await client.get(`/purchases/${ok.json.purchaseId}`);
    await client.buy({ packId: "nope" }, "secret-key-2");
    await emu.fault({ path: "/v1/entitlements/**", status: 500 });
    await client.get("/balance", { as: "acme-bob" });
    await emu.fault({ path: "/v2/invoices/*", body: "malformed" });
    await client.get(`/purchases/${ok.json.purchaseId}`);
    const wrongKey = makeHandler(emu, {
      logger,
      paygentic: { apiKey: "sk_test_wrongKeyForTest1", baseUrl: emu.emu.url },
    });
    await emu.clearFaults();
    const refused = await wrongKey.get("/balance");
    expect(refused.status).toBe(502);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...client.responses, ...wrongKey.responses, ...lines]) {
      expect(text).not.toContain(emu.emu.apiKey);
      expect(text).not.toContain("sk_test_wrongKeyForTest1");
    }
  });
});

describe("store failures", () => {
  it("answer 503 store_unavailable", async () => {
    const broken: TopUpStore = {
      getPurchase: () => Promise.reject(new Error("ECONNREFUSED 127.0.0.1:6379")),
      getPurchaseByInvoice: () => Promise.reject(new Error("down")),
      putPurchase: () => Promise.reject(new Error("down")),
      markOnce: () => Promise.reject(new Error("down")),
      incrementWindow: () => Promise.reject(new Error("down")),
      getCached: () => Promise.reject(new Error("down")),
      putCached: () => Promise.reject(new Error("down")),
    };
    const res = await makeHandler(emu, { store: broken }).buy({ packId: "starter" }, "store-down-1");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("store_unavailable");
  });
});
