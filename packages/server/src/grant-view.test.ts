import type { Grant } from "@creditkit/paygentic";
import { describe, expect, it } from "vitest";
import { settledGrantOf, settledGrantView, toGrantView } from "./grant-view.ts";
import { derivePurchaseKeys } from "./purchase-keys.ts";

const now = new Date("2026-03-01T12:00:00Z");
const base: Grant = {
  object: "grant",
  id: "grt_1",
  entitlementId: "ent_1",
  amount: 1000,
  effectiveAt: "2026-02-01T00:00:00Z",
  expiresAt: null,
  voidedAt: null,
  createdAt: "2026-02-01T00:00:00Z",
  recurrencePeriod: null,
  idempotencyKey: null,
};

describe("toGrantView", () => {
  it("derives the status from voidedAt, effectiveAt and expiresAt", () => {
    expect(toGrantView(base, now).status).toBe("active");
    expect(toGrantView({ ...base, voidedAt: "2026-02-10T00:00:00Z" }, now).status).toBe("voided");
    expect(toGrantView({ ...base, effectiveAt: "2026-04-01T00:00:00Z" }, now).status).toBe("scheduled");
    expect(toGrantView({ ...base, expiresAt: "2026-03-01T12:00:00Z" }, now).status).toBe("expired");
  });

  it("marks purchases by their ckp_ key and maps them back to the purchase", async () => {
    const keys = await derivePurchaseKeys("cus_1", "attempt-0001");
    const view = toGrantView({ ...base, idempotencyKey: keys.upstreamKey }, now);
    expect(view).toMatchObject({ source: "purchase", purchaseId: keys.purchaseId });
  });

  it("marks the recurring allowance as plan and anything else as other", () => {
    expect(toGrantView({ ...base, recurrencePeriod: "P1M" }, now)).toMatchObject({ source: "plan", purchaseId: null });
    expect(toGrantView({ ...base, idempotencyKey: "promo-1" }, now)).toMatchObject({ source: "other" });
  });

  it("never passes Paygentic-only fields on", () => {
    const view = toGrantView({ ...base, priority: 3, resetMaxRollover: 5 }, now);
    expect(Object.keys(view).sort()).toEqual(
      ["amount", "createdAt", "effectiveAt", "expiresAt", "id", "purchaseId", "source", "status", "voidedAt"].sort(),
    );
  });

  it("answers with a settled record's keys in its order, then status, source and purchaseId, from either source", async () => {
    const keys = await derivePurchaseKeys("cus_1", "attempt-0002");
    const grant = { ...base, idempotencyKey: keys.upstreamKey, expiresAt: undefined };
    const view = toGrantView(grant, now);
    const settled = settledGrantView(settledGrantOf(grant), { purchaseId: keys.purchaseId }, now);
    const order = [...Object.keys(settledGrantOf(grant)), "status", "source", "purchaseId"];
    expect(Object.keys(view)).toEqual(order);
    expect(JSON.stringify(settled)).toBe(JSON.stringify(view));
    expect(view.expiresAt).toBeNull();
  });
});
