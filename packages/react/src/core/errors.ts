import type { ErrorCode } from "@creditkit/contract";
import type { MessageKey } from "../messages/en.ts";

/**
 * Every code a CreditKitError can carry: the contract's stable codes, plus two of the widget's own
 * for failures that never reached the BFF (network_error) or came back unreadable (invalid_response).
 */
export type ClientErrorCode = ErrorCode | "network_error" | "invalid_response";

/** One error type for everything that can go wrong talking to the BFF. */
export class CreditKitError extends Error {
  override readonly name = "CreditKitError";
  readonly code: ClientErrorCode;
  /** The HTTP status; 0 when no usable answer came back (network failure, unreadable body). */
  readonly status: number;
  /** The request field a validation error is about. */
  readonly field?: string;
  /** How long the BFF asks to wait (429). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ClientErrorCode,
    message: string,
    status: number,
    extra: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.field = extra.field;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

/**
 * The customer-facing message of every code. Keyed by the code type, so a code added to or renamed
 * in the contract fails to compile until it has its words here.
 */
const MESSAGES: Record<ClientErrorCode, MessageKey> = {
  network_error: "errorNetwork",
  invalid_response: "errorGeneric",
  rate_limited: "errorRateLimited",
  upstream_unavailable: "errorUnavailable",
  store_unavailable: "errorUnavailable",
  upstream_timeout: "errorTimeout",
  idempotency_conflict: "errorConflict",
  unauthenticated: "errorUnauthenticated",
  not_found: "errorNotFound",
  validation_failed: "errorInvalid",
  invalid_json: "errorInvalid",
  payload_too_large: "errorInvalid",
  cross_site_request: "errorBlocked",
  origin_mismatch: "errorOriginMismatch",
  json_required: "errorBlocked",
  // Codes the widget's own requests cannot meet, or that no customer action helps with.
  invalid_signature: "errorGeneric",
  method_not_allowed: "errorGeneric",
  internal_error: "errorGeneric",
  upstream_invalid_response: "errorGeneric",
  payment_url_rejected: "errorGeneric",
  upstream_error: "errorGeneric",
  upstream_currency_mismatch: "errorGeneric",
  // The admin routes' codes (the support console words them itself: see support/console-errors.ts).
  forbidden: "errorBlocked",
  purchase_not_refundable: "errorGeneric",
  already_refunded: "errorGeneric",
  upstream_refund_failed: "errorGeneric",
};

const statusOf = (error: unknown) => (error instanceof CreditKitError ? error.status : 0);

/**
 * Whether sending the same request again can help: no answer at all (0), rate limiting (429) and
 * server-side trouble (5xx, including every upstream_* code). Never what the caller got wrong (4xx).
 */
export function isTransientError(error: unknown): boolean {
  const status = statusOf(error);
  return status === 0 || status === 429 || status >= 500;
}

export interface ErrorDescription {
  key: MessageKey;
  /** Placeholders for the message ({seconds} of errorRateLimited). */
  values: Record<string, string | number>;
  /** Whether offering "Retry" can help without the customer changing anything. */
  retry: boolean;
}

/** Maps the BFF's stable error codes to words a customer understands. */
export function describeError(error: unknown): ErrorDescription {
  // A code from a newer BFF than this widget knows reads as errorGeneric.
  const key = MESSAGES[error instanceof CreditKitError ? error.code : "network_error"] ?? "errorGeneric";
  // A conflict is cured by a new attempt key, which usePurchase takes on this code.
  const retry = isTransientError(error) || statusOf(error) === 409;
  return { key, values: { seconds: (error as CreditKitError | null)?.retryAfterSeconds ?? 60 }, retry };
}

/** Turns a non-2xx response into a CreditKitError, tolerating bodies that break the contract. */
export async function errorFromResponse(response: Response): Promise<CreditKitError> {
  const { status } = response;
  const error = ((await response.json().catch(() => null)) as { error?: Record<string, unknown> } | null)?.error;
  const retryAfterSeconds = Number(error?.retryAfterSeconds ?? response.headers.get("retry-after")) || undefined;
  return typeof error?.code === "string"
    ? new CreditKitError(error.code as ClientErrorCode, String(error.message), status, {
        field: error.field as string | undefined,
        retryAfterSeconds,
      })
    : new CreditKitError("invalid_response", `Unexpected ${status} response`, status);
}
