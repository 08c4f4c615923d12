/**
 * The BFF's stable error codes and the HTTP status each one is answered with. The widget switches
 * on `code`, so a code is never renamed; the status is fixed by the code, so the two cannot
 * disagree. Every code is documented in packages/server/README.md (a test checks it).
 */
export const ERROR_CODES = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_signature: 401,
  cross_site_request: 403,
  /** The page is same-origin with the BFF, but not at `publicOrigin` (127.0.0.1 for localhost). */
  origin_mismatch: 403,
  json_required: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_conflict: 409,
  purchase_not_refundable: 409,
  already_refunded: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  upstream_invalid_response: 502,
  payment_url_rejected: 502,
  upstream_error: 502,
  /** Paygentic's account charges in another currency than the catalog's. */
  upstream_currency_mismatch: 502,
  upstream_refund_failed: 502,
  upstream_unavailable: 503,
  store_unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One bad input, named by its path ("credits", "Idempotency-Key", "limit"). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Every non-2xx answer of the BFF. `message` is a sentence for people; switch on `code`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** The first bad field of a `validation_failed`. */
    field?: string;
    /** Every bad field of a `validation_failed`. */
    issues?: FieldIssue[];
    /** With `rate_limited` (and `upstream_unavailable` when Paygentic said): when to try again. */
    retryAfterSeconds?: number;
  };
}
