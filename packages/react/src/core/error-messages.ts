import type { MessageKey } from "../messages/en.ts";
import { CreditKitError, isTransientError } from "./errors.ts";

export interface ErrorDescription {
  key: MessageKey;
  values?: Record<string, string | number>;
  /** Whether offering "Retry" can help without the customer changing anything. */
  retry: boolean;
}

/** Maps the BFF's stable error codes to words a customer understands. */
export function describeError(error: unknown): ErrorDescription {
  const code = error instanceof CreditKitError ? error.code : "network_error";
  switch (code) {
    case "rate_limited": {
      const seconds = error instanceof CreditKitError ? (error.retryAfterSeconds ?? 60) : 60;
      return { key: "errorRateLimited", values: { seconds }, retry: true };
    }
    case "upstream_unavailable":
    case "store_unavailable":
      return { key: "errorUnavailable", retry: true };
    case "upstream_timeout":
      return { key: "errorTimeout", retry: true };
    case "idempotency_conflict":
      return { key: "errorConflict", retry: true };
    case "unauthenticated":
      return { key: "errorUnauthenticated", retry: false };
    case "not_found":
      return { key: "errorNotFound", retry: false };
    case "validation_failed":
    case "invalid_json":
    case "payload_too_large":
      return { key: "errorInvalid", retry: false };
    case "cross_site_request":
    case "json_required":
      return { key: "errorBlocked", retry: false };
    case "network_error":
      return { key: "errorNetwork", retry: true };
    default:
      return { key: "errorGeneric", retry: isTransientError(error) || !(error instanceof CreditKitError) };
  }
}
