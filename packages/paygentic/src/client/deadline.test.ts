import { describe, expect, it } from "vitest";
import { createPaygenticClient } from "./create-client.ts";
import { isPaygenticError, type PaygenticError } from "./errors.ts";

/** A fetch that never answers: it only ever rejects when its signal aborts (a hanging Paygentic). */
function hangingFetch(calls: string[]): typeof fetch {
  return ((url: string, init: RequestInit) => {
    calls.push(url);
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true });
    });
  }) as typeof fetch;
}

async function failure(promise: Promise<unknown>): Promise<PaygenticError> {
  try {
    await promise;
  } catch (error) {
    if (isPaygenticError(error)) return error;
    throw error;
  }
  throw new Error("expected a PaygenticError");
}

const ENTITLEMENT = "ent_demoalice";

describe("the call's deadline", () => {
  it("cuts a hanging call off at the deadline, however many attempts and timeouts are configured", async () => {
    const calls: string[] = [];
    const client = createPaygenticClient({
      apiKey: "sk_test_deadline",
      baseUrl: "http://127.0.0.1:9",
      fetch: hangingFetch(calls),
      timeoutMs: 5_000,
      retries: 5,
    });
    const started = performance.now();
    const error = await failure(client.grants.list(ENTITLEMENT, {}, { deadline: Date.now() + 100 }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
    expect(error.message).toContain("deadline");
    expect(elapsed).toBeGreaterThanOrEqual(90);
    expect(elapsed).toBeLessThan(1_000);
    expect(calls).toHaveLength(1);
  });

  it("gives up at once instead of waiting out a Retry-After that ends past the deadline", async () => {
    let calls = 0;
    const client = createPaygenticClient({
      apiKey: "sk_test_deadline",
      baseUrl: "http://127.0.0.1:9",
      fetch: (async () => {
        calls++;
        return new Response('{"error":"unavailable","message":"busy"}', {
          status: 503,
          headers: { "retry-after": "2" },
        });
      }) as typeof fetch,
      retries: 3,
    });
    const started = performance.now();
    const error = await failure(client.grants.list(ENTITLEMENT, {}, { deadline: Date.now() + 1_000 }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 1, retryAfterMs: 2_000 });
    expect(calls).toBe(1);
  });

  it("with(): the earlier deadline wins, and the client itself keeps none", async () => {
    const calls: string[] = [];
    const client = createPaygenticClient({
      apiKey: "sk_test_deadline",
      baseUrl: "http://127.0.0.1:9",
      fetch: hangingFetch(calls),
      timeoutMs: 150,
      retries: 0,
    });
    const view = client.with({ deadline: Date.now() + 50 });
    const started = performance.now();
    await failure(view.entitlements.get(ENTITLEMENT, {}, { deadline: Date.now() + 60_000 }));
    expect(performance.now() - started).toBeLessThan(140);
    const plain = await failure(client.entitlements.get(ENTITLEMENT));
    expect(plain.message).toContain("within 150 ms");
  });
});
