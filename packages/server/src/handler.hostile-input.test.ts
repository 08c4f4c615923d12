import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { type Answer, errorShapeProblems } from "@creditkit/test-kit/contract-shapes";
import { ORIGIN } from "@creditkit/test-kit/handler-client";
import { startTestEmulator, type TestEmulator, type Who } from "@creditkit/test-kit/test-emulator";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TopUpConfig } from "./config/config-types.ts";
import {
  bodyText,
  encode,
  headerValue,
  hostileJson,
  hostilePurchaseBody,
  hostileQuery,
  hostileRawBody,
  hostileSegment,
  isValidCustomCredits,
} from "./test-support/hostile-arbitraries.ts";
import { makeHandler } from "./test-support/make-handler.ts";

/**
 * Property-based hostile input over every route: whatever arrives (bodies, query strings, headers,
 * path segments; huge, deeply nested, wrong types, unicode, prototype-pollution keys), the answer
 * is a 4xx JSON error of the contract's shape, never a 5xx, and nothing reaches Paygentic.
 */

const LIMIT = 16 * 1024;
const CUSTOMERS = new Set(["acme-alice", "acme-bob", "acme-carol"]);
let emu: TestEmulator;
type SendInit = { headers?: Record<string, string>; body?: BodyInit; duplex?: "half" };
let send: (method: string, path: string, init?: SendInit) => Promise<Answer>;
const { logger, lines } = captureLogger();
const answers: string[] = [];
let cases = 0;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  emu = await startTestEmulator();
  // A resolveCustomer that, like a merchant's, answers null for anything it does not know.
  const resolveCustomer: TopUpConfig["resolveCustomer"] = (request) => {
    const who = request.headers.get("x-test-customer");
    if (!who || !CUSTOMERS.has(who)) return null;
    const c = emu.customer(who as Who);
    return { customerId: c.customerId, entitlementId: c.entitlementId };
  };
  const { handler } = makeHandler(emu, { resolveCustomer, logger });
  send = async (method, path, init = {}) => {
    const headers = new Headers({ "x-test-customer": "acme-alice", ...init.headers });
    const request = new Request(`${ORIGIN}/api/topup${path}`, {
      method,
      headers,
      body: init.body ?? null,
      ...(init.duplex && { duplex: init.duplex }),
    } as RequestInit);
    const response = await handler(request);
    const text = await response.text();
    answers.push(text);
    cases++;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
});
afterAll(() => emu.emu.close());
beforeEach(() => emu.reset());

const POST_HEADERS = {
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
  "content-type": "application/json",
  "idempotency-key": "hostile-attempt-1",
};

/** A refusal: the given status, the contract's error shape (and headers), and no upstream call. */
function expectRefused(answer: Answer, status: number | number[], code?: string | string[]) {
  const statuses = Array.isArray(status) ? status : [status];
  if (!statuses.includes(answer.status)) throw new Error(`got ${answer.status}: ${answer.text.slice(0, 300)}`);
  expect(errorShapeProblems(answer)).toEqual([]);
  if (code !== undefined) {
    const codes = Array.isArray(code) ? code : [code];
    expect(codes).toContain((answer.json as { error: { code: string } }).error.code);
  }
}

async function expectNothingUpstream() {
  expect(await emu.requests()).toEqual([]);
}

function isUtf8(body: string | Buffer): boolean {
  if (typeof body === "string") return true; // a Request encodes strings as UTF-8
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

function isValidPurchaseBody(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const v = (value as Record<string, unknown>)[keys[0]!];
  if (keys[0] === "packId") return ["starter", "growth", "scale"].includes(v as string);
  return keys[0] === "credits" && isValidCustomCredits(v);
}

// Thousands of cases per property: Vitest's 5 s default fits a quiet machine, not a busy CI runner.
describe("hostile input", { timeout: 60_000 }, () => {
  it("POST /purchases: a hostile JSON body is 400 validation_failed, naming any smuggled field", async () => {
    const arb = hostilePurchaseBody
      .map((b) => ({ b, text: bodyText(b) }))
      .filter(({ text }) => !isValidPurchaseBody(text));
    await fc.assert(
      fc.asyncProperty(arb, async ({ b, text }) => {
        const answer = await send("POST", "/purchases", { headers: POST_HEADERS, body: text });
        if (Buffer.byteLength(text) > LIMIT) return expectRefused(answer, 413, "payload_too_large");
        expectRefused(answer, 400, "validation_failed");
        const smuggled = b && typeof b === "object" && "key" in b && "base" in b ? (b.key as string) : undefined;
        if (smuggled) {
          const fields = (answer.json as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field);
          expect(fields).toContain(smuggled);
        }
      }),
      { numRuns: 2500 },
    );
    await expectNothingUpstream();
  });

  it("POST /purchases: a body that is not JSON, not UTF-8 or nested thousands deep is 400 (413 if over the limit)", async () => {
    const arb = hostileRawBody.filter((raw) => !isValidPurchaseBody(raw.toString()));
    await fc.assert(
      fc.asyncProperty(arb, async (raw) => {
        const answer = await send("POST", "/purchases", { headers: POST_HEADERS, body: raw });
        if (Buffer.byteLength(raw) > LIMIT) expectRefused(answer, 413, "payload_too_large");
        else expectRefused(answer, 400, ["invalid_json", "validation_failed"]);
      }),
      { numRuns: 1500 },
    );
    await expectNothingUpstream();
  });

  it("a body over the limit is 413 before it is parsed, whether its length is declared or streamed", async () => {
    const arb = fc.record({
      size: fc.integer({ min: LIMIT + 1, max: 200_000 }),
      streamed: fc.boolean(),
      route: fc.constantFrom("/purchases", "/webhooks/paygentic"),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ size, streamed, route }) => {
        const garbage = new Uint8Array(size).fill(0x7b); // "{{{{…": would be invalid_json if parsed
        const body = streamed
          ? new ReadableStream({
              start(controller) {
                for (let at = 0; at < size; at += 4096) controller.enqueue(garbage.subarray(at, at + 4096));
                controller.close();
              },
            })
          : garbage;
        const headers = { ...POST_HEADERS, ...(!streamed && { "content-length": String(size) }) };
        const answer = await send("POST", route, { headers, body, ...(streamed && { duplex: "half" as const }) });
        expectRefused(answer, 413, "payload_too_large");
      }),
      { numRuns: 300 },
    );
    await expectNothingUpstream();
  });

  it("every GET route: a hostile query string is 400 validation_failed", async () => {
    const routes = ["/catalog", "/balance", "/grants", `/purchases/pur_${"a".repeat(32)}`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostileQuery, async (route, query) => {
        const answer = await send("GET", `${route}?${query}`);
        expectRefused(answer, 400, "validation_failed");
      }),
      { numRuns: 2000 },
    );
    await expectNothingUpstream();
  });

  it("hostile path segments and methods are 400, 404 or 405, never routed upstream", async () => {
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND"];
    const arb = fc.record({
      method: fc.constantFrom(...methods),
      shape: fc.constantFrom("purchase", "top", "nested", "outside"),
      a: hostileSegment,
      b: hostileSegment,
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ method, shape, a, b }) => {
        const path = { purchase: `/purchases/${a}`, top: `/${a}`, nested: `/${a}/${b}`, outside: `${a}/${b}` }[shape];
        const answer = await send(method, path, method === "GET" || method === "HEAD" ? {} : { headers: POST_HEADERS });
        // (HEAD too: the handler answers it like GET; the platform drops the body, not the handler.)
        expectRefused(answer, [400, 403, 404, 405], ["validation_failed", "not_found", "method_not_allowed"]);
      }),
      { numRuns: 1500 },
    );
    await expectNothingUpstream();
  });

  it("hostile headers on POST /purchases are 400, 401 or 403 and never buy anything", async () => {
    const trimmed = (v: string) => v.replace(/^[\t ]+|[\t ]+$/g, "");
    const arb = fc.oneof(
      headerValue
        .filter((v) => !/^[A-Za-z0-9_-]{8,64}$/.test(trimmed(v)))
        .map((v) => ({ header: "idempotency-key", value: v, status: 400 })),
      headerValue
        .filter((v) => trimmed(v).split(";")[0]?.trim().toLowerCase() !== "application/json")
        .map((v) => ({ header: "content-type", value: v, status: 403 })),
      headerValue.filter((v) => trimmed(v) !== ORIGIN).map((v) => ({ header: "origin", value: v, status: 403 })),
      headerValue
        .filter((v) => !["same-origin", "none"].includes(trimmed(v).toLowerCase()))
        .map((v) => ({ header: "sec-fetch-site", value: v, status: 403 })),
      headerValue
        .filter((v) => !CUSTOMERS.has(trimmed(v)))
        .map((v) => ({ header: "x-test-customer", value: v, status: 401 })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ header, value, status }) => {
        const headers = { ...POST_HEADERS, [header]: value };
        expectRefused(await send("POST", "/purchases", { headers, body: '{"packId":"starter"}' }), status);
      }),
      { numRuns: 1500 },
    );
    await expectNothingUpstream();
  });

  it("POST /webhooks/paygentic: hostile bodies and signatures are 401 and settle nothing", async () => {
    const arb = fc.record({
      body: fc.oneof(
        hostileRawBody,
        hostileJson.map((j) => JSON.stringify(j) ?? "null"),
      ),
      id: fc.option(headerValue, { nil: undefined }),
      timestamp: fc.option(fc.oneof(headerValue, fc.integer().map(String)), { nil: undefined }),
      signature: fc.option(
        fc.oneof(
          headerValue,
          fc.base64String({ minLength: 4, maxLength: 88 }).map((s) => `v1,${s}`),
        ),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ body, id, timestamp, signature }) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (id !== undefined) headers["svix-id"] = id;
        if (timestamp !== undefined) headers["svix-timestamp"] = timestamp;
        if (signature !== undefined) headers["svix-signature"] = signature;
        const answer = await send("POST", "/webhooks/paygentic", {
          headers: { ...headers, "x-test-customer": "" },
          body,
        });
        if (Buffer.byteLength(body) > LIMIT) expectRefused(answer, 413, "payload_too_large");
        // Bytes that are not UTF-8 cannot be the signed JSON text: refused as such before the check.
        else if (!isUtf8(body)) expectRefused(answer, 400, "invalid_json");
        else expectRefused(answer, 401, "invalid_signature");
      }),
      { numRuns: 1000 },
    );
    await expectNothingUpstream();
  });

  it(`tried at least 10,000 cases, none leaking the key or polluting Object.prototype`, () => {
    expect(cases).toBeGreaterThanOrEqual(10_000);
    for (const text of [...answers, ...lines]) expect(text).not.toContain(emu.emu.apiKey);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).packId).toBeUndefined();
    expect(encode("\uD800")).toBe("%00%d8"); // the encoder itself survives lone surrogates
  });
});
