import { createPaygenticClient, type PaygenticClientOptions } from "@creditkit/paygentic";
import { createNodeFetch } from "@creditkit/paygentic/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulatorControl, type EmulatorControl } from "../control-client.ts";
import { type Emulator, startEmulator } from "../start-emulator.ts";
import { failure } from "../testing/harness.ts";

/**
 * Paygentic client ⇄ emulator conformance: @creditkit/paygentic's client against a real emulator
 * over loopback HTTP, with the emulator's fault injection standing in for a misbehaving Paygentic.
 * Nothing here is mocked. These live in the emulator because the dependency already points this
 * way (the emulator uses paygentic's schemas); paygentic itself depends on no emulator.
 *
 * Every test runs once per transport: the global fetch (any runtime) and `createNodeFetch()` from
 * `@creditkit/paygentic/node` (undici's pooled `request`), which must behave exactly alike.
 */
let emu: Emulator;
let control: EmulatorControl;
let alice: { customerId: string; entitlementId: string };

beforeAll(async () => {
  emu = await startEmulator({ port: 0, deterministic: true });
  control = createEmulatorControl(emu.url);
  const seeded = emu.seedInfo().customers[0];
  if (!seeded) throw new Error("demo seed has no customers");
  alice = seeded;
});
const nodeFetch = createNodeFetch();
afterAll(async () => {
  await nodeFetch.close();
  await emu.close();
});
beforeEach(async () => {
  await control.reset();
});

const fault: EmulatorControl["fault"] = (spec) => control.fault(spec);
const recorded = (path: string) => control.requests({ path });

const TRANSPORTS: Array<{ name: string; fetch: typeof fetch | undefined }> = [
  { name: "global fetch", fetch: undefined },
  { name: "createNodeFetch", fetch: nodeFetch },
];

describe.each(TRANSPORTS)("paygentic client over $name", ({ fetch: transport }) => {
  function client(options: Partial<PaygenticClientOptions> = {}) {
    const lines: string[] = [];
    const log = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    const c = createPaygenticClient({
      apiKey: emu.apiKey,
      baseUrl: emu.url,
      timeoutMs: 2_000,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      logger: { debug: log, warn: log },
      ...(transport && { fetch: transport }),
      ...options,
    });
    return { c, lines };
  }

  const grantsPath = () => `/v1/entitlements/${alice.entitlementId}/grants`;
  const purchaseBody = { amount: 1000, price: "10.00", idempotencyKey: "client-test-1" };

  it("reads an entitlement, its grants and an invoice, all validated", async () => {
    const { c } = client();
    const ent = await c.entitlements.get(alice.entitlementId);
    expect(ent.featureType).toBe("metered");
    const list = await c.entitlements.list({ customerId: alice.customerId });
    expect(list.data.map((e) => e.entitlementId)).toContain(alice.entitlementId);
    const grants = await c.grants.list(alice.entitlementId, { limit: 5 });
    expect(grants.data).toHaveLength(5);
    expect(grants.pagination.limit).toBe(5);
    const purchase = await c.grants.purchase(alice.entitlementId, purchaseBody);
    const invoice = await c.invoices.get(purchase.invoiceId);
    expect(invoice.status).toBe("ISSUED");
  });

  it("times out a slow answer with kind timeout", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 1_000 });
    const { c } = client({ timeoutMs: 100, retries: 0 });
    const error = await failure(c.entitlements.get(alice.entitlementId));
    expect(error).toMatchObject({ kind: "timeout", status: undefined, attempts: 1 });
    expect(error.message).toContain("within 100 ms");
  });

  it("retries a timed-out GET and succeeds when the next attempt is fast", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 1_000, times: 1 });
    const { c } = client({ timeoutMs: 200, retries: 1 });
    const ent = await c.entitlements.get(alice.entitlementId);
    expect(ent.id).toBe(alice.entitlementId);
  });

  it.each([502, 503, 504])("retries a GET on %i and succeeds", async (status) => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status, times: 2 });
    const { c } = client({ retries: 2 });
    const grants = await c.grants.list(alice.entitlementId);
    expect(grants.object).toBe("list");
    expect((await recorded(grantsPath())).map((r) => r.status)).toEqual([status, status, 200]);
  });

  it("gives up after the configured retries with the last status and Paygentic's message", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 503 });
    const { c } = client({ retries: 2 });
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 3 });
    expect(await recorded(grantsPath())).toHaveLength(3);
  });

  it("honours Retry-After on 429 and on 503", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 429, retryAfter: 1, times: 1 });
    const { c, lines } = client({ retries: 1 });
    await c.grants.list(alice.entitlementId);
    const retried = lines.find((l) => l.startsWith("paygentic request retried"));
    expect(retried).toContain('"waitMs":1000');
    expect(retried).toContain('"status":429');
  });

  it("does not wait for a Retry-After longer than it is willing to, and says so", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 503, retryAfter: 120 });
    const { c } = client({ retries: 3 });
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 1, retryAfterMs: 120_000 });
  });

  it.each([400, 401, 404, 409, 422, 500])("never retries a %i", async (status) => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status });
    const { c } = client({ retries: 3 });
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error).toMatchObject({ kind: "http", status, attempts: 1 });
    expect(await recorded(grantsPath())).toHaveLength(1);
  });

  it("retries a purchase (it carries an idempotency key) and creates exactly one invoice", async () => {
    await fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", status: 503, times: 1 });
    const { c } = client({ retries: 2 });
    const purchase = await c.grants.purchase(alice.entitlementId, purchaseBody);
    const again = await c.grants.purchase(alice.entitlementId, purchaseBody);
    expect(again.invoiceId).toBe(purchase.invoiceId);
    const posts = await recorded(`${grantsPath()}/purchase`);
    expect(posts.map((r) => r.status)).toEqual([503, 201, 201]);
  });

  it("retries a purchase whose answer was lost to a timeout, and gets the same invoice back", async () => {
    // delayMs alone means the emulator did the work but answered late: the classic double-charge trap.
    await fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", delayMs: 1_000, times: 1 });
    const { c } = client({ timeoutMs: 200, retries: 2 });
    const purchase = await c.grants.purchase(alice.entitlementId, purchaseBody);
    const { c: plain } = client();
    const replay = await plain.grants.purchase(alice.entitlementId, purchaseBody);
    expect(replay.invoiceId).toBe(purchase.invoiceId);
  });

  it("never retries a POST without an idempotency key", async () => {
    await fault({ method: "POST", path: "/v0/events", status: 503 });
    const { c } = client({ retries: 3 });
    const event = { type: "api.request", source: "test", subject: alice.customerId, data: { credits: 1 } };
    const error = await failure(c.events.create(event));
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 1 });
    const keyed = await failure(c.events.create({ ...event, idempotencyKey: "evt-1" }));
    expect(keyed.attempts).toBe(4);
  });

  it("retries a reset connection on a GET and reports kind network when it persists", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", reset: true, times: 1 });
    const { c } = client({ retries: 1 });
    expect((await c.grants.list(alice.entitlementId)).object).toBe("list");

    await fault({ method: "GET", path: "/v1/entitlements/*/grants", reset: true });
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error).toMatchObject({ kind: "network", attempts: 2 });
  });

  it("reports a refused connection as kind network", async () => {
    const closed = await startEmulator({ port: 0 });
    const url = closed.url;
    await closed.close();
    const { c } = client({ baseUrl: url, retries: 1 });
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/could not reach Paygentic/);
  });

  it("turns a non-JSON answer into invalid_response, never a crash", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*", body: "malformed" });
    const { c } = client();
    const error = await failure(c.entitlements.get(alice.entitlementId));
    expect(error).toMatchObject({ kind: "invalid_response", status: undefined });
    expect(error.message).toContain("not JSON");
  });

  it("turns a schema-drifted answer into invalid_response naming the field", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", body: "schema-drift" });
    const { c } = client();
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(error.kind).toBe("invalid_response");
    expect(error.fieldErrors?.length).toBeGreaterThan(0);
    expect(error.message).toContain(error.fieldErrors?.[0]?.field ?? "?");
  });

  it("refuses to send a wrong shape, before anything reaches Paygentic", async () => {
    const { c } = client();
    const error = await failure(
      Promise.resolve().then(() => c.grants.purchase(alice.entitlementId, { ...purchaseBody, price: "0.10" })),
    );
    expect(error).toMatchObject({ kind: "invalid_request" });
    expect(error.fieldErrors?.map((f) => f.field)).toEqual(["price"]);
    const badId = await failure(Promise.resolve().then(() => c.grants.list("ent_../../v2/invoices")));
    expect(badId.kind).toBe("invalid_request");
    expect(await recorded("/v1")).toHaveLength(0);
  });

  it("surfaces Paygentic's own status and error for an unknown id", async () => {
    const { c } = client({ retries: 2 });
    const error = await failure(c.invoices.get("inv_0000"));
    expect(error).toMatchObject({ kind: "http", status: 404, code: "not_found", attempts: 1 });
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", delayMs: 1_000 });
    const { c } = client({ retries: 3 });
    const controller = new AbortController();
    const pending = c.grants.list(alice.entitlementId, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: "network", attempts: 1 });
    expect(error.message).toContain("aborted");
  });

  it("a hanging Paygentic fails as a timeout at the call's deadline, not after every attempt's timeout", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", delayMs: 3_000 });
    // Without a deadline: 3 attempts × 250 ms. With one 300 ms away: the second attempt is cut short.
    const { c } = client({ timeoutMs: 250, retries: 2 });
    const started = performance.now();
    const error = await failure(c.grants.list(alice.entitlementId, {}, { deadline: Date.now() + 300 }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: "timeout" });
    expect(error.attempts).toBeLessThanOrEqual(2);
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(600);
  });

  it("does not wait for a Retry-After that ends past the deadline: the error comes at once", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 503, retryAfter: 1 });
    const { c } = client({ retries: 2 });
    const started = performance.now();
    const error = await failure(c.grants.list(alice.entitlementId, {}, { deadline: Date.now() + 500 }));
    expect(performance.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 1, retryAfterMs: 1_000 });
    expect(await recorded(grantsPath())).toHaveLength(1);
  });

  it("sends nothing once the deadline has passed", async () => {
    const { c } = client();
    const error = await failure(c.grants.list(alice.entitlementId, {}, { deadline: Date.now() - 1 }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 0 });
    expect(await recorded(grantsPath())).toHaveLength(0);
  });

  it("with(): a view whose every call shares one deadline (the earlier of the view's and the call's)", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 3_000 });
    const { c } = client({ timeoutMs: 2_000, retries: 2 });
    const view = c.with({ deadline: Date.now() + 300 });
    const started = performance.now();
    const [first, second] = await Promise.all([
      failure(view.entitlements.get(alice.entitlementId)),
      failure(view.entitlements.get(alice.entitlementId, {}, { deadline: Date.now() + 60_000 })),
    ]);
    expect(performance.now() - started).toBeLessThan(600);
    expect(first).toMatchObject({ kind: "timeout" });
    expect(second).toMatchObject({ kind: "timeout" });
    // The view leaves the client itself alone.
    await control.clearFaults();
    expect((await c.entitlements.get(alice.entitlementId)).id).toBe(alice.entitlementId);
  });

  it("never follows a redirect: a 3xx is an http error, and nothing is sent where it points", async () => {
    const target = `/v1/entitlements/${alice.entitlementId}`;
    await fault({ method: "GET", path: "/v1/entitlements/*", status: 307, location: target, times: 1 });
    const { c } = client({ retries: 2 });
    const error = await failure(c.entitlements.get(alice.entitlementId));
    expect(error).toMatchObject({ kind: "http", status: 307, attempts: 1 });
    // Followed, the second request would have found the fault used up and answered 200.
    expect((await recorded(target)).map((r) => r.status)).toEqual([307]);
  });

  it("times out a body that trickles: the per-attempt timeout covers the body", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", bodyDelayMs: 1_000 });
    const { c } = client({ timeoutMs: 200, retries: 0 });
    const started = performance.now();
    const error = await failure(c.grants.list(alice.entitlementId));
    expect(performance.now() - started).toBeLessThan(900);
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
    expect(error.message).toContain("within 200 ms");
  });

  it("stops at once when the caller aborts while the body is arriving", async () => {
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", bodyDelayMs: 1_000 });
    const { c } = client({ retries: 3 });
    const controller = new AbortController();
    const pending = c.grants.list(alice.entitlementId, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: "network", attempts: 1 });
    expect(error.message).toContain("aborted");
  });

  it.each(["oversized", "oversized-chunked"] as const)(
    "refuses an answer past the size limit (%s) as invalid_response, and the next call works",
    async (body) => {
      await fault({ method: "GET", path: "/v1/entitlements/*/grants", body, times: 1 });
      const { c } = client({ retries: 2 });
      const error = await failure(c.grants.list(alice.entitlementId));
      expect(error).toMatchObject({ kind: "invalid_response", attempts: 1 });
      expect(error.message).toContain("larger than 1048576 bytes");
      expect((await c.grants.list(alice.entitlementId)).object).toBe("list");
      // A smaller limit applies to ordinary answers too.
      const small = client({ maxResponseBytes: 100 }).c;
      expect((await failure(small.grants.list(alice.entitlementId))).kind).toBe("invalid_response");
    },
  );

  it("reuses connections: many calls, few sockets", async () => {
    let sockets = 0;
    const onConnection = () => sockets++;
    emu.server.on("connection", onConnection);
    try {
      const { c } = client();
      for (let i = 0; i < 30; i++) await c.entitlements.get(alice.entitlementId);
      expect(sockets).toBeLessThanOrEqual(2);
    } finally {
      emu.server.off("connection", onConnection);
    }
  });

  it("never lets the API key into an error, a stack, JSON or a log line", async () => {
    const { c, lines } = client({ retries: 1 });
    const seen: unknown[] = [];
    const catchAll = async (p: () => Promise<unknown>) => {
      try {
        await p();
      } catch (e) {
        seen.push(e);
      }
    };
    await fault({ method: "GET", path: "/v1/entitlements/*/grants", status: 503, times: 2 });
    await catchAll(() => c.grants.list(alice.entitlementId));
    await fault({ method: "GET", path: "/v1/entitlements/*", body: "schema-drift", times: 1 });
    await catchAll(() => c.entitlements.get(alice.entitlementId));
    await catchAll(() => c.invoices.get("inv_0"));
    await catchAll(async () => createPaygenticClient({ apiKey: emu.apiKey, baseUrl: "not a url" }));
    const wrongKey = createPaygenticClient({
      apiKey: `${emu.apiKey}x`,
      baseUrl: emu.url,
      ...(transport && { fetch: transport }),
    });
    await catchAll(() => wrongKey.grants.list(alice.entitlementId));
    expect(seen.length).toBe(5);
    for (const e of seen) {
      const err = e as Error;
      const text = `${err.message}\n${err.stack}\n${JSON.stringify(err)}\n${String(err)}`;
      expect(text).not.toContain(emu.apiKey);
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(emu.apiKey);
  });
});
