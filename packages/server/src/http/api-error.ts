import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldIssue } from "@creditkit/contract";

export type { ErrorCode, FieldIssue };

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
    this.status = ERROR_CODES[code];
    this.field = init.field;
    this.issues = init.issues;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.headers = init.headers ?? {};
  }

  toBody(): ErrorBody {
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
