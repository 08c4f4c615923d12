import { ERROR_CODES } from "@creditkit/server";
import { describe, expect, it } from "vitest";
import { clientErrorAnswer, NEXT_METHODS, refusal, serialize } from "../server/refusals.mjs";
import { serverTimeouts, TIMEOUT_DEFAULTS } from "../server/timeouts.mjs";

/**
 * The production server's own answers (server.mjs, server/*.mjs) without a build; the running app is
 * tested in any-request.test.ts.
 */

const NODE_PARSER_ERRORS = [
  "ERR_HTTP_REQUEST_TIMEOUT",
  "HPE_HEADER_OVERFLOW",
  "HPE_CHUNK_EXTENSIONS_OVERFLOW",
  "HPE_X",
];

describe("the server's own refusals", () => {
  it("use only codes of the contract, with the contract's status where HTTP has no other", () => {
    const answers = [
      refusal("TRACE", "/api/topup/balance"),
      refusal("GET", "/api/topup/%E0%A4%A"),
      refusal("GET", "*"),
      refusal("GET", "/api/topup/balance?__proto__=x"),
      ...NODE_PARSER_ERRORS.map((code) => clientErrorAnswer({ code }, "GET /api/topup HTTP/1.1\r\n")),
    ];
    for (const answer of answers) {
      expect(answer).not.toBeNull();
      const code = answer?.code as keyof typeof ERROR_CODES;
      expect(Object.keys(ERROR_CODES)).toContain(code);
      // 408 (timeout) and 431 (headers too large) are HTTP's own statuses; the contract has no code of its own for them.
      if (answer?.status !== 408 && answer?.status !== 431) expect(answer?.status).toBe(ERROR_CODES[code]);
    }
  });

  it("hands every well-formed request with a route handler's method to Next", () => {
    for (const method of NEXT_METHODS) {
      for (const target of [
        "/",
        "/api/topup/balance?limit=5",
        "/api/topup/purchases/x%20y",
        "/a/%2e%2e/b?__proto__=x",
      ]) {
        expect(refusal(method, target)).toBeNull();
      }
    }
  });

  it("answers JSON under /api (as resolved by a browser) and a page elsewhere", () => {
    expect(refusal("TRACE", "/api/topup")?.api).toBe(true);
    expect(refusal("TRACE", "/api/nope")?.api).toBe(true);
    expect(refusal("TRACE", "/x/../api/topup")?.api).toBe(true);
    expect(refusal("TRACE", "/api/topup/../../signin")?.api).toBe(false);
    expect(refusal("TRACE", "/apix")?.api).toBe(false);
    // A body that stopped arriving: no packet to read the path from, the request under way names it.
    expect(clientErrorAnswer({ code: "ERR_HTTP_REQUEST_TIMEOUT" }, "", "/signin").api).toBe(false);
    expect(clientErrorAnswer({ code: "ERR_HTTP_REQUEST_TIMEOUT" }, "", "/api/topup/purchases").api).toBe(true);
    expect(serialize(clientErrorAnswer({ code: "HPE_X" }, "get /signin HTTP/1.1"))).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*content-type: text\/html/,
    );
  });
});

describe("the server's timeouts", () => {
  it("default to 30 s per request, 10 s for headers, 5 s keep-alive", () => {
    expect(serverTimeouts({})).toMatchObject({
      requestTimeoutMs: TIMEOUT_DEFAULTS.CREDITKIT_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      checkIntervalMs: 1_000,
    });
  });

  it("bound the headers by the request and check often enough for short ones", () => {
    expect(serverTimeouts({ CREDITKIT_REQUEST_TIMEOUT_MS: "2000" })).toMatchObject({
      requestTimeoutMs: 2_000,
      headersTimeoutMs: 2_000,
      checkIntervalMs: 500,
    });
  });

  it("refuse a value that is not a positive number of milliseconds, by name", () => {
    for (const bad of ["0", "-1", "2s", "1e4", " 5"]) {
      expect(() => serverTimeouts({ CREDITKIT_HEADERS_TIMEOUT_MS: bad })).toThrow(/CREDITKIT_HEADERS_TIMEOUT_MS/);
    }
  });
});
