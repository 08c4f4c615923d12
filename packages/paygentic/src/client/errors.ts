import type { ValidationErrorItem } from "../schemas/errors.ts";

/**
 * What went wrong, coarsely:
 * - `network`: no HTTP answer (refused, reset, DNS) or the caller aborted;
 * - `timeout`: no complete answer within `timeoutMs`;
 * - `http`: Paygentic answered with a non-2xx status;
 * - `invalid_response`: a 2xx answer whose body is not JSON or breaks the schema;
 * - `invalid_request`: the call was refused before sending because its input breaks the
 *   schema (so a wrong shape never leaves the process).
 */
export type PaygenticErrorKind = "network" | "timeout" | "http" | "invalid_response" | "invalid_request";

export interface PaygenticErrorInit {
  kind: PaygenticErrorKind;
  message: string;
  method: string;
  path: string;
  status?: number | undefined;
  code?: string | undefined;
  fieldErrors?: ValidationErrorItem[] | undefined;
  retryAfterMs?: number | undefined;
  attempts?: number | undefined;
}

/**
 * The one error type the client throws. It carries the request's method and path (never its
 * headers, so never the API key) and Paygentic's own `code` and `message` when there was one.
 */
export class PaygenticError extends Error {
  override readonly name = "PaygenticError";
  readonly kind: PaygenticErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: ValidationErrorItem[] | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(init: PaygenticErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      code: this.code,
      fieldErrors: this.fieldErrors,
      attempts: this.attempts,
    };
  }
}

export function isPaygenticError(value: unknown): value is PaygenticError {
  return value instanceof PaygenticError;
}
