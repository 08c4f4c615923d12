import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivePurchaseKeys, purchaseIdFromUpstreamKey } from "./purchase-keys.ts";

describe("derivePurchaseKeys", () => {
  // node:crypto is the independent oracle here: the module itself uses Web Crypto (edge runtimes).
  it('is "ckp_" + sha256(customerId \\n attemptKey) and "pur_" + its first 32 hex', async () => {
    const hex = createHash("sha256").update("cus_1\nattempt-123").digest("hex");
    expect(await derivePurchaseKeys("cus_1", "attempt-123")).toEqual({
      upstreamKey: `ckp_${hex}`,
      purchaseId: `pur_${hex.slice(0, 32)}`,
    });
  });

  it("differs between customers for the same attempt key", async () => {
    expect((await derivePurchaseKeys("cus_a", "same-key-1")).purchaseId).not.toBe(
      (await derivePurchaseKeys("cus_b", "same-key-1")).purchaseId,
    );
  });

  it("maps every upstream key back to its purchaseId", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^cus_[a-zA-Z0-9]{1,20}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        async (c, k) => {
          const keys = await derivePurchaseKeys(c, k);
          expect(purchaseIdFromUpstreamKey(keys.upstreamKey)).toBe(keys.purchaseId);
        },
      ),
    );
  });

  it("maps nothing else", () => {
    expect(purchaseIdFromUpstreamKey(null)).toBeNull();
    expect(purchaseIdFromUpstreamKey("plan-2026-01")).toBeNull();
    expect(purchaseIdFromUpstreamKey("ckp_notahash")).toBeNull();
  });
});
