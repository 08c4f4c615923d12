import type {
  BalanceBody,
  CatalogBody,
  GrantsPageBody,
  GrantsQuery,
  PurchaseCreatedBody,
  PurchaseSelection,
  PurchaseStatusBody,
} from "@creditkit/contract";
import { CreditKitError, errorFromResponse } from "./errors.ts";

/** The subset of `fetch` the widget needs; merchants (and tests) may pass their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface BffClient {
  /** The catalog with its pack texts in `locale` (the BFF falls back to its default locale). */
  catalog(locale: string | undefined, signal?: AbortSignal): Promise<CatalogBody>;
  balance(signal?: AbortSignal): Promise<BalanceBody>;
  grants(query: GrantsQuery, signal?: AbortSignal): Promise<GrantsPageBody>;
  purchase(id: string, signal?: AbortSignal): Promise<PurchaseStatusBody>;
  createPurchase(selection: PurchaseSelection, attemptKey: string): Promise<PurchaseCreatedBody>;
}

/**
 * A plain client for the BFF's HTTP contract. Framework-free so the server helper (prefetch) and the
 * hooks use exactly the same requests and parsing. (An aborted read also surfaces as network_error;
 * React Query discards the outcome of queries it cancelled, so nobody sees it.)
 */
export function createBffClient(basePath: string, fetchImpl?: FetchLike): BffClient {
  const base = basePath.replace(/\/+$/, "");

  async function call<T>(path: string, init: RequestInit, headers?: Record<string, string>): Promise<T> {
    let response: Response;
    try {
      // Resolve the global fetch at call time: a page or test may install its own after creation.
      response = await (fetchImpl ?? fetch)(`${base}${path}`, {
        credentials: "same-origin",
        ...init,
        headers: { accept: "application/json", ...headers },
      });
    } catch (cause) {
      throw new CreditKitError("network_error", String(cause), 0);
    }
    if (!response.ok) throw await errorFromResponse(response);
    // Status 0 for an unreadable body: no usable answer, like a network failure (so it is retried).
    return response.json().catch(() => {
      throw new CreditKitError("invalid_response", "Response was not JSON", 0);
    });
  }

  const get = <T>(path: string, signal?: AbortSignal) => call<T>(path, { signal });

  return {
    catalog: (locale, signal) => get(locale ? `/catalog?locale=${encodeURIComponent(locale)}` : "/catalog", signal),
    balance: (signal) => get("/balance", signal),
    grants: (q, signal) => get(`/grants?limit=${q.limit}&offset=${q.offset}&includeVoided=${q.includeVoided}`, signal),
    purchase: (id, signal) => get(`/purchases/${encodeURIComponent(id)}`, signal),
    createPurchase: (selection, attemptKey) =>
      call(
        "/purchases",
        // Exactly one of the two keys: the BFF refuses anything else in the body.
        {
          method: "POST",
          body: JSON.stringify("packId" in selection ? { packId: selection.packId } : { credits: selection.credits }),
        },
        { "content-type": "application/json", "idempotency-key": attemptKey },
      ),
  };
}
