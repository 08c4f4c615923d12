/**
 * One error type for everything that can go wrong talking to the BFF. `code` is the contract's stable
 * code (rate_limited, upstream_unavailable, …) or one of ours for failures that never reached it
 * (network_error) or came back unreadable (invalid_response).
 */
export class CreditKitError extends Error {
  override readonly name = "CreditKitError";
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { code: string; message: string; status: number; field?: string; retryAfterSeconds?: number }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

// Codes where asking again can succeed without the customer changing anything.
const TRANSIENT = new Set([
  "network_error",
  "invalid_response",
  "rate_limited",
  "upstream_unavailable",
  "upstream_timeout",
  "upstream_error",
  "upstream_invalid_response",
  "store_unavailable",
  "internal_error",
]);

export function isTransientError(error: unknown): boolean {
  return error instanceof CreditKitError && TRANSIENT.has(error.code);
}

/** Turns a non-2xx response into a CreditKitError, tolerating bodies that break the contract. */
export async function errorFromResponse(response: Response): Promise<CreditKitError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const header = Number(response.headers.get("retry-after"));
  const retryAfter =
    typeof error?.retryAfterSeconds === "number" ? error.retryAfterSeconds : header > 0 ? header : undefined;
  if (error && typeof error.code === "string") {
    return new CreditKitError({
      code: error.code,
      message: typeof error.message === "string" ? error.message : error.code,
      status: response.status,
      ...(typeof error.field === "string" ? { field: error.field } : {}),
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  return new CreditKitError({
    code: response.status >= 500 ? "internal_error" : "invalid_response",
    message: `Unexpected ${response.status} response`,
    status: response.status,
  });
}
