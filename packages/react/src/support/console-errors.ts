import { CreditKitError } from "../core/errors.ts";
import type { SupportMessageKey } from "./messages.ts";

/** What support staff read for an admin error: the console's own words for the admin codes. */
export function consoleError(error: unknown): { key: SupportMessageKey; values: Record<string, string | number> } {
  const e = error instanceof CreditKitError ? error : null;
  const values = { seconds: e?.retryAfterSeconds ?? 60, field: e?.field ?? "?" };
  switch (e?.code) {
    case "forbidden":
    case "unauthenticated":
      return { key: "errorForbidden", values };
    case "not_found":
      return { key: "errorNotFound", values };
    case "purchase_not_refundable":
      return { key: "errorNotRefundable", values };
    case "already_refunded":
      return { key: "errorAlreadyRefunded", values };
    case "upstream_refund_failed":
      return { key: "refundPartial", values };
    case "validation_failed":
      return { key: "errorInvalid", values };
    case "rate_limited":
      return { key: "errorRateLimited", values };
    case "idempotency_conflict":
      return { key: "errorConflict", values };
    case "network_error":
      return { key: "errorNetwork", values };
    default:
      return { key: "errorGeneric", values };
  }
}
