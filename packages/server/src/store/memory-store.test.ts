import { describe, expect, it } from "vitest";
import { samplePurchaseRecord } from "../test-support/purchase-record.ts";
import { createMemoryStore } from "./memory-store.ts";

function clock(start = Date.parse("2026-03-01T00:00:00Z")) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const record = samplePurchaseRecord;

describe("createMemoryStore", () => {
  it("stores purchases by id and by invoice until their TTL", async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    await store.putPurchase(record, 60);
    expect(await store.getPurchase(record.purchaseId)).toEqual(record);
    expect(await store.getPurchaseByInvoice("inv_1")).toEqual(record);
    c.advance(60_000);
    expect(await store.getPurchase(record.purchaseId)).toBeNull();
    expect(await store.getPurchaseByInvoice("inv_1")).toBeNull();
  });

  it("hands out copies, so callers cannot change what is stored", async () => {
    const store = createMemoryStore();
    await store.putPurchase(record, 60);
    const copy = await store.getPurchase(record.purchaseId);
    copy!.credits = 1;
    expect((await store.getPurchase(record.purchaseId))?.credits).toBe(1000);
  });

  it("marks a key once per TTL", async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.markOnce("k", 10)).toBe(true);
    expect(await store.markOnce("k", 10)).toBe(false);
    c.advance(10_000);
    expect(await store.markOnce("k", 10)).toBe(true);
  });

  it("counts hits in a fixed window and starts a new one after it", async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    const first = await store.incrementWindow("w", 60);
    expect(first.count).toBe(1);
    expect(first.resetAt).toBe(c.now().getTime() + 60_000);
    c.advance(30_000);
    expect((await store.incrementWindow("w", 60)).count).toBe(2);
    c.advance(30_000);
    expect((await store.incrementWindow("w", 60)).count).toBe(1);
  });

  it("caches a value until its TTL in milliseconds, on its own clock", async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    await store.putCached("k", "v", 1000);
    c.advance(999);
    expect(await store.getCached("k")).toBe("v");
    c.advance(1);
    expect(await store.getCached("k")).toBeNull();
  });

  it("never holds more than maxEntries of a kind (oldest dropped first)", async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (let i = 0; i < 5; i++) await store.markOnce(`k${i}`, 3600);
    expect(await store.markOnce("k0", 3600)).toBe(true); // evicted, so new again
    expect(await store.markOnce("k4", 3600)).toBe(false);
  });
});
