// @vitest-environment node
import { describe, expect, it } from "vitest";
import { describeError } from "./error-messages.ts";
import { CreditKitError, errorFromResponse } from "./errors.ts";

const err = (code: string, extra: { retryAfterSeconds?: number } = {}) =>
  new CreditKitError({ code, message: "m", status: 400, ...extra });

describe("describeError", () => {
  it.each([
    ["upstream_unavailable", "errorUnavailable", true],
    ["store_unavailable", "errorUnavailable", true],
    ["upstream_timeout", "errorTimeout", true],
    ["idempotency_conflict", "errorConflict", true],
    ["unauthenticated", "errorUnauthenticated", false],
    ["not_found", "errorNotFound", false],
    ["validation_failed", "errorInvalid", false],
    ["cross_site_request", "errorBlocked", false],
    ["network_error", "errorNetwork", true],
    ["upstream_error", "errorGeneric", true],
    ["internal_error", "errorGeneric", true],
    ["something_new", "errorGeneric", false],
  ])("%s → %s (retry %s)", (code, key, retry) => {
    expect(describeError(err(code))).toMatchObject({ key, retry });
  });

  it("says how long to wait when rate limited", () => {
    expect(describeError(err("rate_limited", { retryAfterSeconds: 12 }))).toEqual({
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
      code: "internal_error",
      status: 502,
    });
    expect(await errorFromResponse(new Response("{}", { status: 418 }))).toMatchObject({ code: "invalid_response" });
  });
});
