import { isPaygenticError, type PaygenticError } from "@creditkit/paygentic";
import { ApiError } from "./http/api-error.ts";
import type { SafeLogger } from "./safe-logger.ts";

/**
 * Maps what the Paygentic client threw to a contract error. The client has already retried what
 * is safe to retry; what arrives here is final. The caller never sees Paygentic's own message
 * (it is logged, already scrubbed of the key): they get a fixed sentence and a stable code.
 * Returns null for anything that is not a Paygentic or API error: that is a bug (a 500).
 *
 * `conflictIsIdempotency` marks calls where an upstream 409 means "this attempt key was used with
 * other parameters" (the purchase), which IS the caller's doing and so is a 409, not a 5xx.
 */
export function toApiError(
  error: unknown,
  logger: SafeLogger,
  options: { conflictIsIdempotency?: boolean } = {},
): ApiError | null {
  if (error instanceof ApiError) return error;
  if (!isPaygenticError(error)) return null;
  logger.warn("paygentic call failed", describe(error));
  const retryAfterSeconds =
    error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));

  switch (error.kind) {
    case "timeout":
      return new ApiError("upstream_timeout", "The payment provider did not answer in time. Please try again.");
    case "network":
      return new ApiError(
        "upstream_unavailable",
        "The payment provider cannot be reached right now. Please try again.",
      );
    case "invalid_response":
      return new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
    case "invalid_request":
      // We refused to send a malformed request: a bug or a misconfiguration, not the caller's doing.
      logger.error("refused to send an invalid request to Paygentic", describe(error));
      return new ApiError("internal_error", "Something went wrong on our side. Please try again.");
    case "http":
      return fromStatus(error, retryAfterSeconds, options.conflictIsIdempotency === true, logger);
  }
}

function fromStatus(
  error: PaygenticError,
  retryAfterSeconds: number | undefined,
  conflictIsIdempotency: boolean,
  logger: SafeLogger,
): ApiError {
  const status = error.status ?? 0;
  if (status === 409 && conflictIsIdempotency) {
    return new ApiError("idempotency_conflict", "This Idempotency-Key was already used for a different purchase.");
  }
  if (status === 503 || status === 429) {
    return new ApiError("upstream_unavailable", "The payment provider is busy right now. Please try again shortly.", {
      retryAfterSeconds,
    });
  }
  if (status === 504) {
    return new ApiError("upstream_timeout", "The payment provider did not answer in time. Please try again.");
  }
  if (status === 401 || status === 403)
    logger.error("Paygentic refused our credentials: check the API key", describe(error));
  return new ApiError("upstream_error", "The payment provider refused the request unexpectedly.");
}

function describe(error: PaygenticError): Record<string, unknown> {
  return {
    kind: error.kind,
    method: error.method,
    path: error.path,
    status: error.status,
    code: error.code,
    attempts: error.attempts,
    message: error.message,
  };
}
