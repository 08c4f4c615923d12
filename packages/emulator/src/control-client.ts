import type { SeedInfo } from "./emulator-core.ts";

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

export interface FaultSpec {
  method?: string;
  /** `*` matches within one path segment, `**` across segments. */
  path: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  body?: "malformed" | "schema-drift";
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

/**
 * A typed client for the emulator's `/__emulator/` control routes, usable from any test runner.
 * The Playwright fixture in ./playwright.ts is built on it.
 */
export function createEmulatorControl(baseUrl: string) {
  const url = baseUrl.replace(/\/+$/, "");

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  return {
    url,
    seed: () => call<SeedInfo>("GET", "/__emulator/seed"),
    reset: () => call<{ reset: true; now: string }>("POST", "/__emulator/reset"),
    /** Every API request received since the last reset, oldest first; optionally filtered. */
    async requests(filter: { method?: string; path?: string | RegExp } = {}): Promise<RecordedRequest[]> {
      const all = await call<RecordedRequest[]>("GET", "/__emulator/requests");
      return all.filter(
        (r) =>
          (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
          (filter.path === undefined ||
            (typeof filter.path === "string" ? r.path.startsWith(filter.path) : filter.path.test(r.path))),
      );
    },
    /** Invoices created so far: one per successful, non-replayed purchase request. */
    async purchases(): Promise<RecordedRequest[]> {
      const posts = await this.requests({ method: "POST", path: /\/grants\/purchase$/ });
      const seen = new Set<string>();
      return posts.filter((r) => {
        const key = JSON.stringify([r.path, (r.body as { idempotencyKey?: string } | null)?.idempotencyKey]);
        if (r.status !== 201 || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    advanceClock: (advanceBy: string) => call<{ now: string }>("POST", "/__emulator/clock", { advanceBy }),
    setClock: (now: string) => call<{ now: string }>("POST", "/__emulator/clock", { now }),
    /**
     * Expires a payment session by moving the clock just past its expiry: give the purchase
     * (anything with `expiresAt`, such as the BFF's purchase answer) or omit it to move past the
     * default 24 h.
     */
    expire(purchase?: { expiresAt: string }) {
      if (!purchase) return this.advanceClock("PT24H1M");
      return this.setClock(new Date(Date.parse(purchase.expiresAt) + 1_000).toISOString());
    },
    fault: (spec: FaultSpec) => call<{ id: string }>("POST", "/__emulator/faults", spec),
    clearFaults: () => call<unknown>("DELETE", "/__emulator/faults"),
    /** The same effect as the hosted page's buttons, without a browser. */
    completeSession: (id: string) =>
      call<PaymentSessionOutcome>("POST", `/__emulator/payment-sessions/${encodeURIComponent(id)}/complete`),
    declineSession: (id: string) =>
      call<PaymentSessionOutcome>("POST", `/__emulator/payment-sessions/${encodeURIComponent(id)}/decline`),
    cancelSession: (id: string) =>
      call<PaymentSessionOutcome>("POST", `/__emulator/payment-sessions/${encodeURIComponent(id)}/cancel`),
  };
}

export type EmulatorControl = ReturnType<typeof createEmulatorControl>;

/** The payment session id of a hosted payment URL (`…/portal/pay/{id}`). */
export function paymentSessionIdOf(paymentUrl: string): string {
  const match = /\/portal\/pay\/([^/?#]+)/.exec(new URL(paymentUrl).pathname);
  if (!match?.[1]) throw new Error(`not an emulator payment URL: ${paymentUrl}`);
  return decodeURIComponent(match[1]);
}
