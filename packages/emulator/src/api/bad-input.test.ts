import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namedFields, startTestEmulator, type TestEmulator } from "../testing/harness.ts";

/** Things the client refuses to send, sent raw: none may crash the emulator or change its state. */
let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

async function snapshot() {
  const parts: unknown[] = [];
  for (const c of t.emu.seedInfo().customers) {
    parts.push((await t.api("GET", `/v1/entitlements/${c.entitlementId}/grants?includeVoided=true&limit=100`)).json);
    const detail = (await t.api("GET", `/v1/entitlements/${c.entitlementId}?at=2026-03-15T12:00:00Z`)).json;
    parts.push(detail);
  }
  parts.push((await t.api("GET", "/v0/customers?organizationId=org_acmecloud&limit=100")).json);
  return parts;
}

const GRANTS = "/v1/entitlements/ent_demoalice/grants";
const PURCHASE = `${GRANTS}/purchase`;

describe("bad input", () => {
  it("answers each malformed request with a clear 4xx and changes nothing", async () => {
    const before = await snapshot();
    const cases: Array<[string, string, unknown, number, string[] | undefined]> = [
      ["POST", GRANTS, "{not json", 400, ["(body)"]],
      ["POST", GRANTS, "", 400, ["(body)"]],
      ["POST", GRANTS, "[]", 400, ["(body)"]],
      ["POST", GRANTS, "null", 400, ["(body)"]],
      ["POST", GRANTS, '"text"', 400, ["(body)"]],
      ["POST", GRANTS, { amount: "5", idempotencyKey: null }, 400, ["amount", "idempotencyKey"]],
      ["POST", GRANTS, { amount: Number.MAX_VALUE * 0, idempotencyKey: "k" }, 400, ["amount"]],
      [
        "POST",
        PURCHASE,
        { amount: 1, price: "0.10", idempotencyKey: "k", cancelUrl: "javascript:alert(1)" },
        400,
        ["price", "cancelUrl"],
      ],
      ["POST", PURCHASE, { price: "5.00" }, 400, ["amount", "idempotencyKey"]],
      [
        "POST",
        "/v1/entitlements/ent_demoalice%2F..%2Fx/grants",
        { amount: 1, idempotencyKey: "k" },
        400,
        ["entitlementId"],
      ],
      ["POST", "/v1/entitlements/ent_nobody/grants", { amount: 1, idempotencyKey: "k" }, 404, undefined],
      ["DELETE", `${GRANTS}/grt_nobody`, undefined, 404, undefined],
      ["GET", "/v2/invoices/inv_..", undefined, 400, ["id"]],
      ["POST", "/v0/events", { type: "api.request", source: "s", subject: "cus_demoalice", data: "x" }, 400, ["data"]],
      ["GET", "/v1/nothing-here", undefined, 404, undefined],
      ["GET", "/", undefined, 404, undefined],
      ["PUT", GRANTS, { amount: 1 }, 405, undefined],
      ["PATCH", "/v1/entitlements/ent_demoalice", {}, 405, undefined],
      ["DELETE", GRANTS, undefined, 405, undefined],
    ];
    for (const [method, path, body, status, fields] of cases) {
      const res = await t.api(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/json");
      if (fields) {
        expect(res.json).toMatchObject({ error: "validation_error", message: "Validation failed" });
        expect(namedFields(res).sort(), `${method} ${path}`).toEqual([...fields].sort());
      } else {
        expect(typeof res.json.message).toBe("string");
      }
    }
    expect(await snapshot()).toEqual(before);
    // Nothing consumed an id either: the first real purchase gets the first invoice id.
    const ok = await t.api("POST", PURCHASE, { amount: 1, price: "1.00", idempotencyKey: "after" });
    expect(ok.json.invoiceId).toBe("inv_000000000000000000000001");
  });

  it("says which methods a route allows", async () => {
    const res = await t.api("PUT", GRANTS, { amount: 1 });
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.json).toMatchObject({ error: "method_not_allowed" });
  });

  it("answers 413 to a body over 1 MiB, and keeps serving", async () => {
    const huge = JSON.stringify({ amount: 1, idempotencyKey: "big", pad: "x".repeat(1024 * 1024) });
    const res = await t.api("POST", GRANTS, huge);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: "payload_too_large" });
    const list = await t.api("GET", `${GRANTS}?includeVoided=true`);
    expect(list.json.pagination.total).toBe(26);
  });

  it("logs the bad requests it refused, with what was parseable of their bodies", async () => {
    const log = (await t.control("GET", "/__emulator/requests")).json as Array<{
      path: string;
      body: unknown;
      status: number;
    }>;
    const notJson = log.find((r) => r.status === 400 && r.body === null && r.path === GRANTS);
    expect(notJson).toBeDefined();
    expect(log.some((r) => r.status === 413 && r.body === null)).toBe(true);
  });
});

describe("hostile bodies", () => {
  it("survives absurdly deep JSON, and the request log stays readable", async () => {
    const deep = `{"type":"x","source":"s","subject":"cus_demoalice","data":{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`;
    expect((await t.api("POST", "/v0/events", deep)).status).toBe(202);
    const log = await t.control("GET", "/__emulator/requests");
    expect(log.status).toBe(200);
    expect(log.json.at(-1)).toMatchObject({ path: "/v0/events", status: 202, body: null });
  });

  it("ignores prototype keys in bodies", async () => {
    const res = await t.api("POST", GRANTS, '{"__proto__":{"polluted":1},"amount":1,"idempotencyKey":"proto"}');
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
