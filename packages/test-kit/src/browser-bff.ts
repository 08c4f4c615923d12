import { DEMO_API_KEY, type Emulator, type EmulatorOptions } from "@creditkit/emulator";
import type { RecordedPurchase, RecordedRequest } from "@creditkit/emulator/control";
import { DEMO_CATALOG } from "./demo-catalog.ts";
import type { Handler } from "./handler-client.ts";
import { type SessionAction, startTestEmulator, type TestEmulator } from "./test-emulator.ts";

/**
 * The real parts behind every widget test: a real emulator on 127.0.0.1:0 and the real BFF handler,
 * reached through a `fetch` that builds real `Request` objects the way a browser on the merchant's
 * page would send them. Nothing here fakes the BFF.
 *
 * The caller creates the handler (`createTopUpHandler({ ...base, ...overrides })`): this kit cannot
 * import @creditkit/server, whose own tests use it.
 */

/** jsdom's page origin: the merchant's site, so success/cancel URLs land back on this "page". */
export const PAGE_ORIGIN = "http://localhost:3000";
export const BASE_PATH = "/api/topup";

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

/** The widget's `fetch` (react's FetchLike, by shape). */
export type BrowserFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What the handler is built from: the page's session cookie names a seeded customer; no webhooks. */
export function browserHandlerBase(emu: TestEmulator) {
  return {
    paygentic: { apiKey: emu.emu.apiKey, baseUrl: emu.emu.url, timeoutMs: 2000, retries: 0 },
    catalog: DEMO_CATALOG,
    // The merchant's session: our test cookie names the seeded customer's externalId.
    resolveCustomer: (request: Request) => {
      const session = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
      const found = emu.emu.seedInfo().customers.find((c) => c.externalId === session);
      return found ? { customerId: found.customerId, entitlementId: found.entitlementId } : null;
    },
    publicOrigin: PAGE_ORIGIN,
    returnPath: "/",
    basePath: BASE_PATH,
    paymentHosts: [emu.emu.url],
  };
}

export type BrowserHandlerBase = ReturnType<typeof browserHandlerBase>;

export interface Bff<Overrides> {
  emu: Emulator;
  /** The emulator's control client (and the kit's helpers on it). */
  emulator: TestEmulator;
  /** The provider's `fetch`: calls the current handler in-process with real Requests. */
  fetch: BrowserFetch;
  /** Every Request the widget sent, in order. */
  sent: Request[];
  /** A fresh handler (fresh store, caches, rate limits) for the next test. */
  reset(overrides?: Overrides): Promise<void>;
  /** Which seeded customer the "session cookie" names; null = signed out. */
  signInAs(externalId: string | null): void;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** API requests the emulator received. */
  upstream(): Promise<RecordedRequest[]>;
  /** Invoices created (see invoices.ts). */
  purchases(): Promise<RecordedPurchase[]>;
  /** complete | decline | cancel the payment session behind a payment URL; returns redirectUrl. */
  pay(paymentUrl: string, action: SessionAction): Promise<string | null>;
  close(): Promise<void>;
}

export async function startBff<Overrides>(
  createHandler: (base: BrowserHandlerBase, overrides: Overrides | undefined) => Handler,
  options: EmulatorOptions = {},
): Promise<Bff<Overrides>> {
  const emulator = await startTestEmulator(options);
  const { emu } = emulator;
  const firstCustomer = () => emu.seedInfo().customers[0]?.externalId ?? null;
  const base = browserHandlerBase(emulator);
  let customer = firstCustomer();
  let handler = createHandler(base, undefined);
  const sent: Request[] = [];

  const fetchLike: BrowserFetch = async (input, init = {}) => {
    const { signal, ...rest } = init;
    const headers = new Headers(rest.headers);
    // What a browser adds to a same-origin fetch from the merchant's page.
    headers.set("sec-fetch-site", "same-origin");
    headers.set("sec-fetch-mode", "cors");
    headers.set("sec-fetch-dest", "empty");
    if ((rest.method ?? "GET") !== "GET") headers.set("origin", PAGE_ORIGIN);
    if (customer) headers.set("cookie", `session=${customer}`);
    // The signal is NOT handed to Node's Request: under jsdom a signal may come from jsdom's
    // AbortController, which undici refuses ("Expected signal to be an instance of AbortSignal").
    // Abort is honoured here instead, the way a browser rejects fetch while the server carries on.
    const request = new Request(new URL(input, PAGE_ORIGIN), { ...rest, headers });
    sent.push(request.clone());
    signal?.throwIfAborted();
    if (!signal) return handler(request);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
      signal.addEventListener("abort", onAbort, { once: true });
      handler(request).then(resolve, reject);
    });
  };

  return {
    emu,
    emulator,
    fetch: fetchLike,
    sent,
    async reset(overrides) {
      await emulator.reset();
      handler = createHandler(base, overrides);
      sent.length = 0;
      customer = firstCustomer();
    },
    signInAs(externalId) {
      customer = externalId;
    },
    control: emulator.call,
    upstream: () => emulator.requests(),
    purchases: emulator.purchases,
    async pay(paymentUrl, action) {
      return (await emulator.session(paymentUrl, action)).redirectUrl ?? null;
    },
    close: () => emulator.close(),
  };
}
