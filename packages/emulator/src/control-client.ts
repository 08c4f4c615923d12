import { type Grant, GrantList, Invoice, type InvoiceRefund } from "@creditkit/paygentic";
import type { PurchaseView } from "./control/purchase-views.ts";
import type { SeedInfo } from "./emulator-core.ts";
import type { WebhookDelivery } from "./webhooks/dispatcher.ts";

export type { PurchaseView } from "./control/purchase-views.ts";
export type { DeliveryAttempt, WebhookDelivery } from "./webhooks/dispatcher.ts";

/** Which deliveries `deliveries()` / `waitForDelivery()` mean; every field given must match. */
export interface DeliveryFilter {
  eventType?: string;
  /** `data.invoiceId` of the event (an invoice.paid.v0 names the invoice it paid). */
  invoiceId?: string;
  status?: WebhookDelivery["status"];
}

/** One API request as the emulator recorded it (`GET /__emulator/requests`). */
export interface RecordedRequest {
  method: string;
  /** Pathname and query string. */
  path: string;
  body: unknown;
  /** 0 when the connection was reset by a fault. */
  status: number;
  at: string;
}

/** The body of a `POST /v1/entitlements/{id}/grants/purchase`, as the merchant's backend sent it. */
export interface PurchaseRequestBody {
  amount: number;
  price: string;
  idempotencyKey: string;
  successUrl?: string;
  cancelUrl?: string;
  [field: string]: unknown;
}

/** A recorded purchase request: which entitlement, and what was asked for. */
export interface RecordedPurchase extends RecordedRequest {
  entitlementId: string;
  body: PurchaseRequestBody;
}

export interface FaultSpec {
  method?: string;
  /** `*` matches within one path segment, `**` across segments. */
  path: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  /** Headers and half the body at once, the rest this much later. */
  bodyDelayMs?: number;
  body?: "malformed" | "schema-drift" | "oversized" | "oversized-chunked";
  /** With a 3xx `status`: the answer's Location header. */
  location?: string;
  reset?: true;
  times?: number;
}

export interface PaymentSessionOutcome {
  paymentSessionId: string;
  status: string;
  invoiceId: string;
  invoiceStatus: string;
  redirectUrl: string | null;
}

function deliveryMatches(d: WebhookDelivery, filter: DeliveryFilter): boolean {
  const data = (d.payload as { data?: { invoiceId?: unknown } } | null)?.data;
  return (
    (filter.eventType === undefined || d.eventType === filter.eventType) &&
    (filter.invoiceId === undefined || data?.invoiceId === filter.invoiceId) &&
    (filter.status === undefined || d.status === filter.status)
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PURCHASE_PATH = /^\/v1\/entitlements\/([^/]+)\/grants\/purchase$/;

/**
 * A typed client for the emulator's `/__emulator/` control routes, usable from any test runner.
 * The Playwright fixture in ./playwright.ts is built on it. Every method is a plain function
 * (no `this`), so destructuring (`const { pay, reset } = emulator`) works.
 */
export function createEmulatorControl(baseUrl: string) {
  const url = baseUrl.replace(/\/+$/, "");

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  const seed = () => call<SeedInfo>("GET", "/__emulator/seed");

  /** Every API request received since the last reset, oldest first; optionally filtered. */
  async function requests(filter: { method?: string; path?: string | RegExp } = {}): Promise<RecordedRequest[]> {
    const all = await call<RecordedRequest[]>("GET", "/__emulator/requests");
    return all.filter(
      (r) =>
        (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
        (filter.path === undefined ||
          (typeof filter.path === "string" ? r.path.startsWith(filter.path) : filter.path.test(r.path))),
    );
  }

  /**
   * Invoices created so far: one per successful purchase request with an idempotency key not seen
   * before on that entitlement (a replay of the same key is the same invoice). Oldest first.
   */
  async function purchases(): Promise<RecordedPurchase[]> {
    const seen = new Set<string>();
    const created: RecordedPurchase[] = [];
    for (const r of await requests({ method: "POST", path: PURCHASE_PATH })) {
      const entitlementId = decodeURIComponent(PURCHASE_PATH.exec(r.path)?.[1] ?? "");
      const body = r.body as PurchaseRequestBody | null;
      const key = JSON.stringify([entitlementId, body?.idempotencyKey]);
      if (r.status !== 201 || !body || seen.has(key)) continue;
      seen.add(key);
      created.push({ ...r, entitlementId, body });
    }
    return created;
  }

  /** The clock's new time, and how many processing payments arrived because of the move. */
  type ClockAnswer = { now: string; settled: number };
  const setClock = (now: string) => call<ClockAnswer>("POST", "/__emulator/clock", { now });
  const advanceClock = (advanceBy: string) => call<ClockAnswer>("POST", "/__emulator/clock", { advanceBy });

  /** Every purchase since the last reset with its ids, URLs and status, oldest first. */
  const purchaseDetails = () => call<PurchaseView[]>("GET", "/__emulator/purchases");

  /** Webhook deliveries since the last reset, oldest first (one per message and URL). */
  async function deliveries(filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> {
    return (await call<WebhookDelivery[]>("GET", "/__emulator/webhooks")).filter((d) => deliveryMatches(d, filter));
  }

  const sessionCall = (id: string, action: string) =>
    call<PaymentSessionOutcome>("POST", `/__emulator/payment-sessions/${encodeURIComponent(id)}/${action}`);

  return {
    url,
    seed,
    reset: () => call<{ reset: true; now: string }>("POST", "/__emulator/reset"),
    requests,
    purchases,
    /**
     * An invoice as Paygentic's API answers it (`GET /v2/invoices/{id}` with the seeded key):
     * status, `grandTotal`, `currency`, `paidAt`, and the emulator's `metadata` (grantAmount,
     * idempotencyKey, paymentSessionId, transitions…). Checked with the shared schema.
     */
    async invoice(invoiceId: string): Promise<Invoice> {
      const { apiKey } = await seed();
      const raw = await call<unknown>("GET", `/v2/invoices/${encodeURIComponent(invoiceId)}`, undefined, {
        authorization: `Bearer ${apiKey}`,
      });
      return Invoice.parse(raw);
    },
    /**
     * A seeded customer's live credit balance at Paygentic (`GET /v1/entitlements/{id}` with the
     * seeded key), by external id (`"acme-alice"`), customer id or entitlement id.
     */
    async balance(customer: string): Promise<number> {
      const info = await seed();
      const found = info.customers.find((c) => [c.externalId, c.customerId, c.entitlementId].includes(customer));
      if (!found) throw new Error(`no seeded customer or entitlement "${customer}"`);
      const detail = await call<{ balance?: unknown }>(
        "GET",
        `/v1/entitlements/${encodeURIComponent(found.entitlementId)}`,
        undefined,
        { authorization: `Bearer ${info.apiKey}` },
      );
      if (typeof detail.balance !== "number") throw new Error(`entitlement ${found.entitlementId} has no balance`);
      return detail.balance;
    },
    /** Every refund (credit note) issued since the last reset, oldest first (`GET /__emulator/refunds`). */
    refunds: () => call<InvoiceRefund[]>("GET", "/__emulator/refunds"),
    advanceClock,
    setClock,
    /**
     * Expires a payment session by moving the clock just past its expiry: give the purchase
     * (anything with `expiresAt`, such as the BFF's purchase answer) or omit it to move past the
     * default 24 h.
     */
    expire(purchase?: { expiresAt: string }) {
      if (!purchase) return advanceClock("PT24H1M");
      return setClock(new Date(Date.parse(purchase.expiresAt) + 1_000).toISOString());
    },
    fault: (spec: FaultSpec) => call<{ id: string }>("POST", "/__emulator/faults", spec),
    clearFaults: () => call<unknown>("DELETE", "/__emulator/faults"),
    /** The same effect as the hosted page's buttons, without a browser. */
    completeSession: (id: string) => sessionCall(id, "complete"),
    declineSession: (id: string) => sessionCall(id, "decline"),
    insufficientFundsSession: (id: string) => sessionCall(id, "insufficient-funds"),
    /** The payment is accepted but stays processing (invoice ISSUED, paymentInFlight) until released. */
    holdSession: (id: string) => sessionCall(id, "hold"),
    /** A processing payment (held, or waiting for its settle delay) arrives now: PAID, grant, webhook. */
    releaseSession: (id: string) => sessionCall(id, "release"),
    cancelSession: (id: string) => sessionCall(id, "cancel"),
    purchaseDetails,
    /** The newest purchase: invoice and payment session ids, payment URL, success and cancel URLs, status. */
    async lastPurchase(): Promise<PurchaseView> {
      const all = await purchaseDetails();
      const last = all.at(-1);
      if (!last) throw new Error("no purchase was made since the last reset");
      return last;
    },
    /**
     * A seeded customer's grants at Paygentic (by external id, customer id or entitlement id),
     * newest first, every page; voided ones only with `includeVoided`.
     */
    async grants(customer: string, options: { includeVoided?: boolean } = {}): Promise<Grant[]> {
      const info = await seed();
      const found = info.customers.find((c) => [c.externalId, c.customerId, c.entitlementId].includes(customer));
      if (!found) throw new Error(`no seeded customer or entitlement "${customer}"`);
      const all: Grant[] = [];
      for (let offset = 0; ; offset += 100) {
        const query = `limit=100&offset=${offset}${options.includeVoided ? "&includeVoided=true" : ""}`;
        const raw = await call<unknown>(
          "GET",
          `/v1/entitlements/${encodeURIComponent(found.entitlementId)}/grants?${query}`,
          undefined,
          { authorization: `Bearer ${info.apiKey}` },
        );
        const page = GrantList.parse(raw);
        all.push(...page.data);
        if (page.data.length < 100) return all;
      }
    },
    deliveries,
    /**
     * Waits until a delivery matching the filter is there (by default: delivered, i.e. answered
     * 2xx by your endpoint) and returns it; fails after `timeoutMs` (10 s) naming what it saw.
     */
    async waitForDelivery(filter: DeliveryFilter = {}, { timeoutMs = 10_000 } = {}): Promise<WebhookDelivery> {
      const wanted = { status: "delivered" as const, ...filter };
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = await deliveries();
        const found = all.find((d) => deliveryMatches(d, wanted));
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = all.map((d) => `${d.eventType} ${d.status} (${d.attempts.length} attempts) to ${d.url}`);
          throw new Error(
            `no webhook delivery matching ${JSON.stringify(wanted)} within ${timeoutMs} ms; seen: ${seen.join("; ") || "none"}`,
          );
        }
        await sleep(100);
      }
    },
    /** Sends a message again, same svix-id, to every URL it went to (Svix's "resend"). */
    redeliver: (messageId: string) =>
      call<{ messageId: string; redelivering: true }>(
        "POST",
        `/__emulator/webhooks/${encodeURIComponent(messageId)}/redeliver`,
      ),
  };
}

export type EmulatorControl = ReturnType<typeof createEmulatorControl>;

/** The payment session id of a hosted payment URL (`…/portal/pay/{id}`). */
export function paymentSessionIdOf(paymentUrl: string): string {
  const match = /\/portal\/pay\/([^/?#]+)/.exec(new URL(paymentUrl).pathname);
  if (!match?.[1]) throw new Error(`not an emulator payment URL: ${paymentUrl}`);
  return decodeURIComponent(match[1]);
}
