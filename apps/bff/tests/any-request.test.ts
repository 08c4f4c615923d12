import { connect } from "node:net";
import { ERROR_CODES } from "@creditkit/server";
import { type BuiltApp, hasProductionBuild, signIn, startBuiltApp } from "@creditkit/test-kit/built-app";
import { ErrorBody } from "@creditkit/test-kit/contract-shapes";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Any method, path, query or header, sent as raw bytes to the RUNNING production app (server.mjs
 * around `next build`'s output, beside a real emulator): never a 5xx, never a hang, the contract's
 * JSON error under /api, a page elsewhere, and nothing in the app's log that a request should not
 * put there (a stack trace, the key, the session secret). Raw sockets, not fetch or http.request:
 * those normalise or refuse exactly the request lines this is about.
 */

const built = hasProductionBuild();
/** The short request timeout this app runs with, so the slow-client tests wait seconds, not minutes. */
const REQUEST_TIMEOUT_MS = 2_000;
/** Node checks for overdue requests every REQUEST_TIMEOUT_MS / 4 (server/timeouts.mjs), plus slack. */
const TIMEOUT_BOUND_MS = REQUEST_TIMEOUT_MS + REQUEST_TIMEOUT_MS / 4 + 1_500;
const PER_REQUEST_MS = 5_000;

let emu: TestEmulator["emu"];
let app: BuiltApp;
let cookie = "";

beforeAll(async () => {
  // Without a build the tests themselves fail (below), by name; they are never skipped.
  if (!built) return;
  ({ emu } = await startTestEmulator());
  app = await startBuiltApp({
    paygenticUrl: emu.url,
    apiKey: emu.apiKey,
    webhookSecret: emu.webhookSecret,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  cookie = await signIn(app.url, "acme-alice");
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await emu?.close();
});

function needsBuild() {
  if (!built) throw new Error("apps/bff/.next is missing: run pnpm build first");
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte sent to the connection's close. */
  ms: number;
}

/**
 * Sends `head` (and `body`), then waits for the server to answer and close the connection (every
 * request says `Connection: close`; `stallAfter` leaves the request unfinished on purpose).
 */
function rawRequest(port: number, bytes: Buffer, timeoutMs = PER_REQUEST_MS): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => {}); // a reset after the answer is fine; no answer at all fails below
    socket.on("close", () => {
      clearTimeout(timer);
      try {
        resolve({ ...parseAnswer(Buffer.concat(chunks)), ms: Date.now() - started });
      } catch (error) {
        reject(error);
      }
    });
    socket.write(bytes);
  });
}

function parseAnswer(raw: Buffer): Omit<RawAnswer, "ms"> {
  // An interim answer (`100 Continue` to `Expect: 100-continue`) comes first: the final one follows.
  const interim = /^HTTP\/1\.1 1\d\d [^\r]*\r\n(?:[^\r]+\r\n)*\r\n/.exec(raw.toString("latin1"));
  if (interim) return parseAnswer(raw.subarray(interim[0].length));
  const text = raw.toString("latin1");
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) throw new Error(`no HTTP answer, got ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine = "", ...lines] = text.slice(0, end).split("\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`not a status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"));
  if (headers["transfer-encoding"] === "chunked") body = dechunk(body);
  return { status, headers, body: body.toString("utf8") };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) break;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Where a browser would say the target points (`..` and `%2e` resolved), or null for no path. */
function pathnameOf(target: string): string | null {
  if (!target.startsWith("/")) return null;
  try {
    return new URL(target, "http://app.invalid").pathname;
  } catch {
    return null;
  }
}

// ---- the requests ---------------------------------------------------------------------------

// Weighted so that most requests reach Next and the BFF, not only the server's own refusals.
const method = fc.oneof(
  {
    arbitrary: fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
    weight: 12,
  },
  fc.constantFrom("TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "SEARCH", "PURGE", "QUERY", "LINK", "M-SEARCH"),
  fc.constantFrom("get", "post", "Trace", "connect"),
  fc.stringMatching(/^[A-Z]{1,12}$/),
  fc.stringMatching(/^[!-~]{1,10}$/),
);

const segment = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "balance",
      "catalog",
      "grants",
      "purchases",
      "webhooks",
      "paygentic",
      "health",
      "signin",
      "nope",
    ),
    weight: 10,
  },
  fc.constantFrom("..", ".", "%2e%2e", "%2E.", "%E0%A4%A", "%", "%zz", "%00", "%C0%AF", "%2F", "%5C", "~", "__proto__"),
  fc.constantFrom("", "pur_00000000000000000000000000", "%F0%9F%92%B3", "a;b", "a@b"),
  fc.string({ unit: "grapheme", maxLength: 8 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme-ascii", maxLength: 8 }).map((s) => s.replace(/[\s?#]/g, "")),
  fc.integer({ min: 1_000, max: 12_000 }).map((n) => "a".repeat(n)),
);

const path = fc
  .tuple(
    fc.constantFrom("/api/topup", "/api/topup", "/api/topup", "/api", "", "/", "//api/topup", "/api/health"),
    fc.array(segment, { maxLength: 3 }),
  )
  .map(([prefix, segments]) => `${prefix}${segments.map((s) => `/${s}`).join("")}` || "/");

const queryKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "limit",
  "offset",
  "customerId",
  "price",
  "a",
  "%5F%5Fproto%5F%5F",
);
const queryValue = fc.oneof(
  fc.constantFrom("x", "", "1", "5", "-1", "1e9", "%E0%A4%A", "%", "[]", "{}"),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
);
const query = fc.option(
  fc
    .array(fc.tuple(queryKey, queryValue), { maxLength: 3 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  { nil: undefined },
);

const headers = fc.record(
  {
    contentType: fc.constantFrom(
      "application/json",
      "application/json; charset=utf-16",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "*/*",
      "",
      "application/json\u00ff",
    ),
    cookie: fc.constantFrom("session", "session", "session", "huge", "garbage", "none"),
    // Headers Node or Next.js read themselves: RSC and router-state headers, a server action id,
    // 100-continue, a duplicated length, a forwarded host.
    extra: fc.constantFrom(
      "RSC: 1",
      "Next-Router-State-Tree: %7Bgarbage",
      'Next-Router-State-Tree: ["",{}]',
      "Next-Router-Prefetch: 1",
      "Next-Action: 0123456789abcdef",
      "Next-Url: /%E0%A4%A",
      "Expect: 100-continue",
      "Content-Length: 0\r\nContent-Length: 1",
      "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: gopher",
      "Accept: text/x-component",
    ),
    origin: fc.constantFrom("self", "evil", "null", "none"),
    body: fc.oneof(
      fc.constant(""),
      fc.constantFrom('{"packId":"starter"}', "{", "[]", '{"__proto__":{"x":1}}'),
      fc.string({ maxLength: 40 }),
    ),
  },
  { requiredKeys: ["cookie", "origin", "body"] },
);

interface RequestHeaders {
  contentType?: string;
  extra?: string;
  cookie: "session" | "huge" | "garbage" | "none";
  origin: "self" | "evil" | "null" | "none";
  body: string;
}

function requestBytes(m: string, target: string, h: RequestHeaders): Buffer {
  const lines = [`${m} ${target} HTTP/1.1`, `Host: 127.0.0.1:${app.port}`, "Connection: close"];
  if (h.contentType !== undefined) lines.push(`Content-Type: ${h.contentType}`);
  if (h.cookie === "session") lines.push(`Cookie: ${cookie}`);
  if (h.cookie === "huge") lines.push(`Cookie: a=${"x".repeat(20_000)}; ${cookie}`);
  if (h.cookie === "garbage") lines.push("Cookie: ck_session=%%%; ;;=; __proto__=1");
  if (h.extra !== undefined) lines.push(h.extra);
  if (h.origin === "self") lines.push(`Origin: ${app.url}`);
  if (h.origin === "evil") lines.push("Origin: https://evil.example");
  if (h.origin === "null") lines.push("Origin: null");
  const body = Buffer.from(h.body, "utf8");
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), body]);
}

/** What the app's log may never show because of a request: a stack trace, the key, the session secret. */
function logProblems(output: string): string[] {
  const problems: string[] = [];
  const frame = /^\s+at .+:\d+:\d+\)?$/m.exec(output);
  if (frame) problems.push(`a stack trace: ${output.slice(Math.max(0, frame.index - 600), frame.index + 200)}`);
  if (output.includes(emu.apiKey)) problems.push("the Paygentic key");
  if (output.includes(app.sessionSecret)) problems.push("the session secret");
  if (/⨯|Internal Server Error|Failed to handle/.test(output)) problems.push("an error Next or the server logged");
  return problems;
}

describe("the production app, any request", () => {
  it("answers any method, path, query and header with < 500, JSON under /api, within 5 s", async () => {
    needsBuild();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (m, p, q, h) => {
        const target = q === undefined ? p : `${p}?${q}`;
        const answer = await rawRequest(app.port, requestBytes(m, target, h));
        seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
        const where = `${m} ${target.slice(0, 120)} → ${answer.status}`;
        expect(answer.status, where).toBeLessThan(500);
        const pathname = pathnameOf(target);
        const api = pathname === null || pathname === "/api" || pathname.startsWith("/api/");
        if (answer.status >= 400 && api) {
          expect(answer.headers["content-type"], where).toMatch(/^application\/json/);
          if (m !== "HEAD") {
            const body = ErrorBody.parse(JSON.parse(answer.body));
            expect(Object.keys(ERROR_CODES), where).toContain(body.error.code);
          }
        }
        // Pages keep Next's own 4xx answers (an empty 400 for OPTIONS, a text 409 for a POST without a
        // server action, an RSC payload for a client navigation); the server's own refusals there are pages.
        if (answer.status >= 400 && !api)
          expect(answer.headers["content-type"] ?? "", where).toMatch(/^(text\/html|text\/plain|text\/x-component|$)/);
      }),
      { numRuns: 300 },
    );
    expect(logProblems(app.output())).toEqual([]);
    console.info(`any request: statuses seen ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
  }, 120_000);

  it("answers the requests Next.js used to fail with 500 (or not at all) with a 4xx of the right shape", async () => {
    needsBuild();
    const cases: [string, number, string][] = [
      [`GET /api/topup/%E0%A4%A`, 400, "validation_failed"],
      [`TRACE /api/topup/balance`, 405, "method_not_allowed"],
      [`CONNECT /api/topup/balance`, 405, "method_not_allowed"],
      [`PROPFIND /api/topup/balance`, 405, "method_not_allowed"],
      [`FOO /api/topup/balance`, 400, "validation_failed"],
      [`GET /api/nope`, 404, "not_found"],
      [`POST /api/health`, 405, "method_not_allowed"],
    ];
    for (const [line, status, code] of cases) {
      const [m = "", target = ""] = line.split(" ");
      const answer = await rawRequest(app.port, requestBytes(m, target, { cookie: "none", origin: "none", body: "" }));
      expect({ line, status: answer.status, code: ErrorBody.parse(JSON.parse(answer.body)).error.code }).toEqual({
        line,
        status,
        code,
      });
    }
    // The last one: Next would look for a Server Action (the app has none) and log a stack trace.
    for (const line of ["TRACE /", "GET /%E0%A4%A", "get /signin", "POST /signin"]) {
      const [m = "", target = ""] = line.split(" ");
      const form = m === "POST" ? { contentType: "application/x-www-form-urlencoded", body: "a=1" } : { body: "" };
      const answer = await rawRequest(app.port, requestBytes(m, target, { cookie: "none", origin: "self", ...form }));
      expect([line, answer.status < 500 && answer.status >= 400, answer.headers["content-type"]]).toEqual([
        line,
        true,
        "text/html; charset=utf-8",
      ]);
    }
    expect(logProblems(app.output())).toEqual([]);
  });

  it("refuses a __proto__ query parameter with 400, as docs/SECURITY.md promises (Next used to drop it: 200)", async () => {
    needsBuild();
    const ok = await fetch(`${app.url}/api/topup/balance`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    for (const q of ["__proto__=x", "%5F%5Fproto%5F%5F=x", "limit=5&__proto__[x]=1&__proto__=y"]) {
      const res = await fetch(`${app.url}/api/topup/grants?${q}`, { headers: { cookie } });
      const body = ErrorBody.parse(await res.json());
      expect([q, res.status, body.error.code, body.error.field]).toEqual([q, 400, "validation_failed", "__proto__"]);
    }
    const balance = await fetch(`${app.url}/api/topup/balance?__proto__=x`, { headers: { cookie } });
    expect(balance.status).toBe(400);
  });
});

describe("the production app, slow clients", () => {
  it("closes a connection whose body stalls with 408 within the request timeout, not Node's 300 s", async () => {
    needsBuild();
    const head = [
      "POST /api/topup/purchases HTTP/1.1",
      `Host: 127.0.0.1:${app.port}`,
      `Origin: ${app.url}`,
      `Cookie: ${cookie}`,
      "Content-Type: application/json",
      "Idempotency-Key: slow-body-0001",
      "Content-Length: 100",
    ].join("\r\n");
    const answer = await rawRequest(app.port, Buffer.from(`${head}\r\n\r\n{"pa`), TIMEOUT_BOUND_MS + 2_000);
    expect(answer.status).toBe(408);
    expect(ErrorBody.parse(JSON.parse(answer.body)).error.code).toBe("validation_failed");
    expect(answer.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(answer.ms).toBeLessThan(TIMEOUT_BOUND_MS);
    expect(logProblems(app.output())).toEqual([]);
  }, 15_000);

  it("closes a connection whose headers stall with 408 within the same bound", async () => {
    needsBuild();
    const answer = await rawRequest(
      app.port,
      Buffer.from(`GET /signin HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nX-Slow: `),
      TIMEOUT_BOUND_MS + 2_000,
    );
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeLessThan(TIMEOUT_BOUND_MS);
  }, 15_000);
});
