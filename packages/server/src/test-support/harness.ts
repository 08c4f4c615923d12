import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Emulator, startEmulator } from "@creditkit/emulator";
import type { TopUpConfig, TopUpLogger } from "../config/config-types.ts";
import { createTopUpHandler, type TopUpHandler } from "../handler.ts";

/**
 * Test support for the handler suites: a real emulator on 127.0.0.1:0, real `Request` objects,
 * and a resolveCustomer that reads a test header the way a merchant's reads its session cookie.
 */

export const ORIGIN = "http://127.0.0.1:3000";
export const BASE = `${ORIGIN}/api/topup`;
export const DEMO_CATALOG: TopUpConfig["catalog"] = {
  currency: "USD",
  packs: [
    { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
    { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
    { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
  ],
  custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
};

export type Who = "acme-alice" | "acme-bob" | "acme-carol";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
  at: string;
}

/** A controllable clock for the handler (rate-limit windows, caches, expiry). */
export function testClock(start = Date.now()) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Collects log lines so tests can check that nothing secret is logged. */
export function captureLogger() {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const logger: TopUpLogger = { info: push("info"), warn: push("warn"), error: push("error") };
  return { logger, lines };
}

export class EmulatorControl {
  constructor(readonly emu: Emulator) {}

  customer(who: Who) {
    const c = this.emu.seedInfo().customers.find((x) => x.externalId === who);
    if (!c) throw new Error(`the demo seed has no ${who}`);
    return c;
  }

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator ${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  reset = () => this.call("POST", "/__emulator/reset");
  fault = (fault: Record<string, unknown>) => this.call("POST", "/__emulator/faults", fault);
  clearFaults = () => this.call("DELETE", "/__emulator/faults");
  advanceClock = (advanceBy: string) => this.call("POST", "/__emulator/clock", { advanceBy });
  requests = async () => (await this.call("GET", "/__emulator/requests")) as RecordedRequest[];

  /** complete | decline | cancel the payment session behind a payment URL. */
  session(paymentUrl: string, action: "complete" | "decline" | "cancel") {
    const id = new URL(paymentUrl).pathname.split("/").pop();
    return this.call("POST", `/__emulator/payment-sessions/${id}/${action}`);
  }
}

export async function startTestEmulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const emu = await startEmulator({ port: 0, deterministic: true, ...options });
  return new EmulatorControl(emu);
}

/** Builds a handler against the emulator; every call of this gets a fresh store and caches. */
export function makeHandler(control: EmulatorControl, overrides: Partial<TopUpConfig> = {}) {
  const { emu } = control;
  const resolveCustomer = (request: Request) => {
    const who = request.headers.get("x-test-customer");
    if (!who) return null;
    const c = control.customer(who as Who);
    return { customerId: c.customerId, entitlementId: c.entitlementId };
  };
  const handler = createTopUpHandler({
    paygentic: { apiKey: emu.apiKey, baseUrl: emu.url, timeoutMs: 3000, retries: 2 },
    catalog: DEMO_CATALOG,
    resolveCustomer,
    publicOrigin: ORIGIN,
    returnPath: "/",
    basePath: "/api/topup",
    paymentHosts: [emu.url],
    webhookSecret: emu.webhookSecret,
    ...overrides,
  });
  return new Client(handler);
}

export interface CallOptions {
  as?: Who | null;
  key?: string | null;
  headers?: Record<string, string>;
}

/** Sends real Requests the way the widget does: same-origin, JSON, with the test "session". */
export class Client {
  readonly responses: string[] = [];
  constructor(readonly handler: TopUpHandler) {}

  async send(method: string, path: string, init: { body?: BodyInit | null } & CallOptions = {}) {
    const headers = new Headers(init.headers ?? {});
    const as = init.as === undefined ? "acme-alice" : init.as;
    if (as) headers.set("x-test-customer", as);
    if (method !== "GET") {
      if (!headers.has("origin")) headers.set("origin", ORIGIN);
      if (!headers.has("sec-fetch-site")) headers.set("sec-fetch-site", "same-origin");
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    if (init.key) headers.set("idempotency-key", init.key);
    const response = await this.handler(new Request(`${BASE}${path}`, { method, headers, body: init.body ?? null }));
    const text = await response.text();
    this.responses.push(text);
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
  }

  get(path: string, options: CallOptions = {}) {
    return this.send("GET", path, options);
  }

  post(path: string, body: unknown, options: CallOptions = {}) {
    return this.send("POST", path, { ...options, body: typeof body === "string" ? body : JSON.stringify(body) });
  }

  buy(body: unknown, key: string, options: CallOptions = {}) {
    return this.post("/purchases", body, { ...options, key });
  }
}

/** Serves a handler over real HTTP on 127.0.0.1:0 (for the emulator's webhook deliveries). */
export async function serveHandler(handler: TopUpHandler, onResponse?: (path: string, status: number) => void) {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? null : Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
    onResponse?.(req.url ?? "", response.status);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
