import { describe, expect, it } from "vitest";
import { purchaseRecordTtl } from "./purchase-record-ttl.ts";

const WEEK = 7 * 24 * 60 * 60;
const now = new Date("2026-03-01T12:00:00Z");

describe("purchaseRecordTtl", () => {
  it("keeps a record for the rest of its payment session plus a week", () => {
    expect(purchaseRecordTtl({ expiresAt: "2026-03-02T12:00:00Z" }, now)).toBe(24 * 60 * 60 + WEEK);
  });

  it("rounds a part second up, so a record never expires before its session", () => {
    expect(purchaseRecordTtl({ expiresAt: "2026-03-01T12:00:00.200Z" }, now)).toBe(1 + WEEK);
  });

  it("keeps an expired session's record for the week", () => {
    expect(purchaseRecordTtl({ expiresAt: "2026-02-01T00:00:00Z" }, now)).toBe(WEEK);
  });
});
