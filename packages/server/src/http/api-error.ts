/**
 * The contract's stable error codes and their HTTP statuses. The widget switches on `code`, so a
 * code is never renamed; the status is fixed by the code, so the two cannot disagree.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_signature: 401,
  cross_site_request: 403,
  json_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  upstream_invalid_response: 502,
  payment_url_rejected: 502,
  upstream_error: 502,
  upstream_unavailable: 503,
  store_unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ApiErrorInit {
  field?: string | undefined;
  issues?: FieldIssue[] | undefined;
  retryAfterSeconds?: number | undefined;
  /** Extra response headers (Allow on a 405). */
  headers?: Record<string, string> | undefined;
}

/**
 * An error that is meant to reach the caller as `{error: {code, message, …}}`. Anything else
 * thrown inside the handler is a bug and becomes a generic 500.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly issues: FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, init: ApiErrorInit = {}) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.field = init.field;
    this.issues = init.issues;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.headers = init.headers ?? {};
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field !== undefined && { field: this.field }),
        ...(this.issues !== undefined && { issues: this.issues }),
        ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
      },
    };
  }
}

/** A 400 `validation_failed` naming the first bad field and listing all of them. */
export function validationError(issues: FieldIssue[]): ApiError {
  const first = issues[0] ?? { field: "(body)", message: "is invalid" };
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.field}: ${i.message}`)
    .join("; ");
  return new ApiError("validation_failed", `The request is invalid: ${summary}.`, { field: first.field, issues });
}
