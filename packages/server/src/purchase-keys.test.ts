import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivePurchaseKeys, purchaseIdFromUpstreamKey } from "./purchase-keys.ts";

describe("derivePurchaseKeys", () => {
  it('is "ckp_" + sha256(customerId \\n attemptKey) and "pur_" + its first 32 hex', () => {
    const hex = createHash("sha256").update("cus_1\nattempt-123").digest("hex");
    expect(derivePurchaseKeys("cus_1", "attempt-123")).toEqual({
      upstreamKey: `ckp_${hex}`,
      purchaseId: `pur_${hex.slice(0, 32)}`,
    });
  });

  it("differs between customers for the same attempt key", () => {
    expect(derivePurchaseKeys("cus_a", "same-key-1").purchaseId).not.toBe(
      derivePurchaseKeys("cus_b", "same-key-1").purchaseId,
    );
  });

  it("maps every upstream key back to its purchaseId", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^cus_[a-zA-Z0-9]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), (c, k) => {
        const keys = derivePurchaseKeys(c, k);
        expect(purchaseIdFromUpstreamKey(keys.upstreamKey)).toBe(keys.purchaseId);
      }),
    );
  });

  it("maps nothing else", () => {
    expect(purchaseIdFromUpstreamKey(null)).toBeNull();
    expect(purchaseIdFromUpstreamKey("plan-2026-01")).toBeNull();
    expect(purchaseIdFromUpstreamKey("ckp_notahash")).toBeNull();
  });
});
