import { CreditKitError, errorFromResponse } from "./errors.ts";
import type { BalanceInfo, Catalog, GrantPage, Purchase, PurchaseCreated, Selection } from "./types.ts";

/** The subset of `fetch` the widget needs; merchants (and tests) may pass their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface GrantsQuery {
  limit: number;
  offset: number;
  includeVoided: boolean;
}

export interface BffClient {
  catalog(signal?: AbortSignal): Promise<Catalog>;
  balance(signal?: AbortSignal): Promise<BalanceInfo>;
  grants(query: GrantsQuery, signal?: AbortSignal): Promise<GrantPage>;
  purchase(id: string, signal?: AbortSignal): Promise<Purchase>;
  createPurchase(selection: Selection, attemptKey: string): Promise<PurchaseCreated>;
}

/**
 * A plain client for the BFF's HTTP contract. Framework-free so the server helper (prefetch) and the
 * hooks use exactly the same requests and parsing.
 */
export function createBffClient(basePath: string, fetchImpl?: FetchLike): BffClient {
  const base = basePath.replace(/\/+$/, "");

  async function call<T>(path: string, init: RequestInit): Promise<T> {
    // Resolve fetch at call time: during SSR a page may install its own, and tests swap it.
    const doFetch = fetchImpl ?? ((input: string, requestInit?: RequestInit) => fetch(input, requestInit));
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { credentials: "same-origin", ...init });
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new CreditKitError({ code: "network_error", message: String(cause), status: 0 });
    }
    if (!response.ok) throw await errorFromResponse(response);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new CreditKitError({ code: "invalid_response", message: "Response was not JSON", status: response.status });
    }
  }

  const get = <T>(path: string, signal?: AbortSignal) =>
    call<T>(path, { method: "GET", headers: { accept: "application/json" }, ...(signal ? { signal } : {}) });

  return {
    catalog: (signal) => get("/catalog", signal),
    balance: (signal) => get("/balance", signal),
    grants: (q, signal) => get(`/grants?limit=${q.limit}&offset=${q.offset}&includeVoided=${q.includeVoided}`, signal),
    purchase: (id, signal) => get(`/purchases/${encodeURIComponent(id)}`, signal),
    createPurchase: (selection, attemptKey) =>
      call("/purchases", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", "idempotency-key": attemptKey },
        body: JSON.stringify("packId" in selection ? { packId: selection.packId } : { credits: selection.credits }),
      }),
  };
}

function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
