import { DEMO_CATALOG } from "./demo-catalog.ts";
import type { TestEmulator, Who } from "./test-emulator.ts";

/**
 * The handler harness: the config a handler under test starts from, and a client that sends it
 * real `Request`s the way the widget does. The suites create the handler themselves
 * (`createTopUpHandler({ ...handlerConfig(emu), ...overrides })`): the server's own tests use this
 * kit, so the kit cannot import @creditkit/server without a workspace cycle.
 */

export const ORIGIN = "http://127.0.0.1:3000";
export const BASE_PATH = "/api/topup";
export const BASE = `${ORIGIN}${BASE_PATH}`;

/** Header the test "session" is read from, the way a merchant's resolveCustomer reads its cookie. */
export const CUSTOMER_HEADER = "x-test-customer";

export type Handler = (request: Request) => Promise<Response>;

/**
 * The handler config of every handler suite: the demo catalog against `emu`, a short upstream
 * budget with retries, the webhook secret, and a resolveCustomer that reads CUSTOMER_HEADER.
 */
export function handlerConfig(emu: TestEmulator) {
  return {
    paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, timeoutMs: 3000, retries: 2 },
    catalog: DEMO_CATALOG,
    resolveCustomer: (request: Request) => {
      const who = request.headers.get(CUSTOMER_HEADER);
      if (!who) return null;
      const { customerId, entitlementId } = emu.customer(who);
      return { customerId, entitlementId };
    },
    publicOrigin: ORIGIN,
    returnPath: "/",
    basePath: BASE_PATH,
    paymentHosts: [emu.emu.url],
    webhookSecret: emu.emu.webhookSecret,
  };
}

export interface CallOptions {
  /** Who the test session names; default "acme-alice", null = signed out. */
  as?: Who | null;
  key?: string | null;
  headers?: Record<string, string>;
}

export interface ClientAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; contract tests check their shapes.
  json: any;
}

/** Sends real Requests the way the widget does: same-origin, JSON, with the test "session". */
export class Client {
  /** Every body the handler answered, for secret checks. */
  readonly responses: string[] = [];
  constructor(readonly handler: Handler) {}

  async send(method: string, path: string, init: { body?: BodyInit | null } & CallOptions = {}): Promise<ClientAnswer> {
    const headers = new Headers(init.headers ?? {});
    const as = init.as === undefined ? "acme-alice" : init.as;
    if (as) headers.set(CUSTOMER_HEADER, as);
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
