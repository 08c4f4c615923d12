import { DEMO_API_KEY, type Emulator, type EmulatorOptions, startEmulator } from "@creditkit/emulator";
import { createTopUpHandler, type TopUpConfig } from "@creditkit/server";
import type { FetchLike } from "../core/bff-client.ts";

/**
 * The real parts behind every component test: a real emulator on 127.0.0.1:0 and the real BFF handler
 * (`createTopUpHandler`), reached through a `fetch` that builds real `Request` objects the way a
 * browser on the merchant's page would send them. Nothing here fakes the BFF.
 */

/** jsdom's page origin: the merchant's site, so success/cancel URLs land back on this "page". */
export const ORIGIN = "http://localhost:3000";
export const BASE_PATH = "/api/topup";

export const CATALOG: TopUpConfig["catalog"] = {
  currency: "USD",
  packs: [
    { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
    { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
    { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
  ],
  custom: { minCredits: 500, maxCredits: 100_000, step: 100, unitPrice: "0.01" },
};

/** A merchant whose only customer has an entitlement and no grants yet (for the empty history). */
export const EMPTY_SEED = {
  merchant: { id: "org_emptyshop", name: "Empty Shop", apiKey: DEMO_API_KEY, currency: "USD" },
  features: [{ key: "api-credits", name: "API credits", type: "metered", eventType: "api.request" }],
  customers: [
    {
      externalId: "new-customer",
      name: "New Customer",
      email: "new@example.com",
      entitlements: [{ featureKey: "api-credits", usagePeriod: "P1M" }],
    },
  ],
} as const satisfies EmulatorOptions["seed"];

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

export interface Bff {
  emu: Emulator;
  /** The provider's `fetch`: calls the current handler in-process with real Requests. */
  fetch: FetchLike;
  /** Every Request the widget sent, in order. */
  sent: Request[];
  /** A fresh handler (fresh store, caches, rate limits) for the next test. */
  reset(config?: Partial<TopUpConfig>): Promise<void>;
  /** Which seeded customer the "session cookie" names; null = signed out. */
  signInAs(externalId: string | null): void;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** API requests the emulator received (POST /…/grants/purchase = one invoice). */
  upstream(): Promise<RecordedRequest[]>;
  /** complete | decline | cancel the payment session behind a payment URL; returns redirectUrl. */
  pay(paymentUrl: string, action: "complete" | "decline" | "cancel"): Promise<string | null>;
  close(): Promise<void>;
}

export async function startBff(options: EmulatorOptions = {}): Promise<Bff> {
  const emu = await startEmulator({ port: 0, deterministic: true, ...options });
  let customer: string | null = emu.seedInfo().customers[0]?.externalId ?? null;
  let handler = createHandler({});
  const sent: Request[] = [];

  function createHandler(overrides: Partial<TopUpConfig>) {
    return createTopUpHandler({
      paygentic: { apiKey: emu.apiKey, baseUrl: emu.url, timeoutMs: 2000, retries: 0 },
      catalog: CATALOG,
      // The merchant's session: our test cookie names the seeded customer's externalId.
      resolveCustomer: (request) => {
        const session = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
        const found = emu.seedInfo().customers.find((c) => c.externalId === session);
        return found ? { customerId: found.customerId, entitlementId: found.entitlementId } : null;
      },
      publicOrigin: ORIGIN,
      returnPath: "/",
      basePath: BASE_PATH,
      paymentHosts: [emu.url],
      ...overrides,
    });
  }

  const fetchLike: FetchLike = async (input, init = {}) => {
    const { signal, ...rest } = init;
    const headers = new Headers(rest.headers);
    // What a browser adds to a same-origin fetch from the merchant's page.
    headers.set("sec-fetch-site", "same-origin");
    headers.set("sec-fetch-mode", "cors");
    headers.set("sec-fetch-dest", "empty");
    if ((rest.method ?? "GET") !== "GET") headers.set("origin", ORIGIN);
    if (customer) headers.set("cookie", `session=${customer}`);
    // The signal is NOT handed to Node's Request: under jsdom a signal may come from jsdom's
    // AbortController, which undici refuses ("Expected signal to be an instance of AbortSignal").
    // Abort is honoured here instead, the way a browser rejects fetch while the server carries on.
    const request = new Request(new URL(input, ORIGIN), { ...rest, headers });
    sent.push(request.clone());
    signal?.throwIfAborted();
    if (!signal) return handler(request);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
      signal.addEventListener("abort", onAbort, { once: true });
      handler(request).then(resolve, reject);
    });
  };

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator ${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    emu,
    fetch: fetchLike,
    sent,
    async reset(config = {}) {
      await control("POST", "/__emulator/reset");
      handler = createHandler(config);
      sent.length = 0;
      customer = emu.seedInfo().customers[0]?.externalId ?? null;
    },
    signInAs(externalId) {
      customer = externalId;
    },
    control,
    upstream: async () => (await control("GET", "/__emulator/requests")) as RecordedRequest[],
    async pay(paymentUrl, action) {
      const id = new URL(paymentUrl).pathname.split("/").pop();
      const outcome = (await control("POST", `/__emulator/payment-sessions/${id}/${action}`)) as {
        redirectUrl?: string | null;
      };
      return outcome.redirectUrl ?? null;
    },
    close: () => emu.close(),
  };
}

/**
 * How many invoices the emulator created: successful purchase calls with an upstream idempotency key
 * not seen before (a replay of the same key answers with the same invoice; a faulted call made none).
 */
export async function invoicesCreated(bff: Bff): Promise<number> {
  const keys = (await bff.upstream())
    .filter((r) => r.method === "POST" && r.path.endsWith("/grants/purchase") && r.status === 201)
    .map((r) => (r.body as { idempotencyKey?: string }).idempotencyKey);
  return new Set(keys).size;
}
