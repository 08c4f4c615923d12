import type { PurchaseStatus } from "@creditkit/contract";
import type { Invoice } from "@creditkit/paygentic";

/**
 * The contract's status of a purchase from its invoice and whether the grant exists:
 * - `paid` only when the invoice is PAID AND the grant exists (PAID without the grant is still
 *   `pending`: nothing is shown as credited before the credits are there);
 * - CANCELLED is `expired` when the payment session ran out (Paygentic's cancelReason, or the
 *   clock is past expiresAt), else `cancelled`;
 * - PAYMENT_FAILED / FAILED / WRITTEN_OFF are `failed`; every other status is still `pending`.
 */
export function derivePurchaseStatus(
  invoice: Pick<Invoice, "status" | "metadata">,
  grantExists: boolean,
  expiresAt: string,
  now: Date,
): PurchaseStatus {
  switch (invoice.status) {
    case "PAID":
      return grantExists ? "paid" : "pending";
    case "CANCELLED": {
      const reason = invoice.metadata?.cancelReason;
      if (reason === "payment_session_expired") return "expired";
      if (reason === undefined && Date.parse(expiresAt) <= now.getTime()) return "expired";
      return "cancelled";
    }
    case "PAYMENT_FAILED":
    case "FAILED":
    case "WRITTEN_OFF":
      return "failed";
    default:
      return "pending";
  }
}
