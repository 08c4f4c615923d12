import { describe, expect, it } from "vitest";
import { derivePurchaseStatus } from "./purchase-status.ts";

const now = new Date("2026-03-01T12:00:00Z");
const future = "2026-03-02T12:00:00Z";
const past = "2026-03-01T11:00:00Z";

describe("derivePurchaseStatus", () => {
  it("is paid only when the invoice is PAID and the grant exists", () => {
    expect(derivePurchaseStatus({ status: "PAID" }, true, future, now)).toBe("paid");
    expect(derivePurchaseStatus({ status: "PAID" }, false, future, now)).toBe("pending");
  });

  it("tells an expired session from a cancelled one", () => {
    const expired = { status: "CANCELLED" as const, metadata: { cancelReason: "payment_session_expired" } };
    const cancelled = { status: "CANCELLED" as const, metadata: { cancelReason: "customer_cancelled" } };
    expect(derivePurchaseStatus(expired, false, future, now)).toBe("expired");
    expect(derivePurchaseStatus(cancelled, false, future, now)).toBe("cancelled");
    // The customer's own cancel stays a cancel after the session's time has passed.
    expect(derivePurchaseStatus(cancelled, false, past, now)).toBe("cancelled");
    // Without a reason, the clock decides.
    expect(derivePurchaseStatus({ status: "CANCELLED" }, false, past, now)).toBe("expired");
    expect(derivePurchaseStatus({ status: "CANCELLED" }, false, future, now)).toBe("cancelled");
  });

  it("maps failures to failed and everything else to pending", () => {
    expect(derivePurchaseStatus({ status: "PAYMENT_FAILED" }, false, future, now)).toBe("failed");
    expect(derivePurchaseStatus({ status: "FAILED" }, false, future, now)).toBe("failed");
    expect(derivePurchaseStatus({ status: "WRITTEN_OFF" }, false, future, now)).toBe("failed");
    for (const status of ["ISSUED", "DRAFT", "ACTIVE", "CLOSING", "CLOSED", "CALCULATING"] as const) {
      expect(derivePurchaseStatus({ status }, false, future, now)).toBe("pending");
    }
  });
});
