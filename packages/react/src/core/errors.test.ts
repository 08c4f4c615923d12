// @vitest-environment node
import { describe, expect, it } from "vitest";
import { type ClientErrorCode, CreditKitError, describeError, errorFromResponse, isTransientError } from "./errors.ts";

const err = (code: string, status: number, extra: { retryAfterSeconds?: number } = {}) =>
  // Cast: some rows are codes a newer BFF could send that this widget does not know.
  new CreditKitError(code as ClientErrorCode, "m", status, extra);

describe("describeError", () => {
  it.each([
    ["upstream_unavailable", 503, "errorUnavailable", true],
    ["store_unavailable", 503, "errorUnavailable", true],
    ["upstream_timeout", 504, "errorTimeout", true],
    ["idempotency_conflict", 409, "errorConflict", true],
    ["unauthenticated", 401, "errorUnauthenticated", false],
    ["not_found", 404, "errorNotFound", false],
    ["validation_failed", 400, "errorInvalid", false],
    ["payload_too_large", 413, "errorInvalid", false],
    ["cross_site_request", 403, "errorBlocked", false],
    ["json_required", 403, "errorBlocked", false],
    ["origin_mismatch", 403, "errorOriginMismatch", false],
    ["network_error", 0, "errorNetwork", true],
    ["invalid_response", 0, "errorGeneric", true],
    ["upstream_error", 502, "errorGeneric", true],
    ["payment_url_rejected", 502, "errorGeneric", true],
    ["upstream_currency_mismatch", 502, "errorGeneric", true],
    ["internal_error", 500, "errorGeneric", true],
    ["something_new", 418, "errorGeneric", false],
  ])("%s (%i) → %s, retry %s", (code, status, key, retry) => {
    expect(describeError(err(code, status))).toMatchObject({ key, retry });
  });

  it("treats anything that is not a CreditKitError as a network failure", () => {
    expect(describeError(new TypeError("fetch failed"))).toMatchObject({ key: "errorNetwork", retry: true });
  });

  it("retries reads automatically only when the same request can succeed later", () => {
    expect(isTransientError(err("upstream_timeout", 504))).toBe(true);
    expect(isTransientError(err("rate_limited", 429))).toBe(true);
    expect(isTransientError(new TypeError("fetch failed"))).toBe(true);
    expect(isTransientError(err("idempotency_conflict", 409))).toBe(false);
    expect(isTransientError(err("not_found", 404))).toBe(false);
  });

  it("says how long to wait when rate limited", () => {
    expect(describeError(err("rate_limited", 429, { retryAfterSeconds: 12 }))).toEqual({
      key: "errorRateLimited",
      values: { seconds: 12 },
      retry: true,
    });
  });
});

describe("errorFromResponse", () => {
  it("reads the contract's error body and Retry-After", async () => {
    const res = new Response(JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }), {
      status: 429,
      headers: { "retry-after": "7" },
    });
    expect(await errorFromResponse(res)).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 7 });
  });

  it("survives a body that is not the contract", async () => {
    expect(await errorFromResponse(new Response("<html>bad gateway</html>", { status: 502 }))).toMatchObject({
      code: "invalid_response",
      status: 502,
    });
    expect(await errorFromResponse(new Response("{}", { status: 418 }))).toMatchObject({ code: "invalid_response" });
  });
});
