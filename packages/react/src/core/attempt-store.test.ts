import { afterEach, describe, expect, it, vi } from "vitest";
import {
  attemptFor,
  clearAttempt,
  loadAttempt,
  newAttemptKey,
  releaseAttemptUnless,
  saveAttempt,
} from "./attempt-store.ts";

afterEach(() => {
  vi.restoreAllMocks();
  // Also empties the in-memory fallback, which outlives this file when workers are shared.
  clearAttempt("/api/topup");
  clearAttempt("/other");
});

describe("attempt keys", () => {
  it("are 8–64 chars of the BFF's alphabet and never repeat", () => {
    const keys = new Set(Array.from({ length: 200 }, newAttemptKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it("are reused for the same selection and replaced for another", () => {
    const first = attemptFor("/api/topup", { packId: "starter" });
    expect(attemptFor("/api/topup", { packId: "starter" }).key).toBe(first.key);
    const other = attemptFor("/api/topup", { packId: "growth" });
    expect(other.key).not.toBe(first.key);
    expect(attemptFor("/api/topup", { packId: "starter" }).key).not.toBe(first.key);
    expect(attemptFor("/api/topup", { credits: 2500 }).selection).toBe("credits:2500");
  });

  it("survive in sessionStorage (a reload) and are scoped per base path", () => {
    const first = attemptFor("/api/topup", { packId: "starter" });
    expect(JSON.parse(window.sessionStorage.getItem("creditkit.attempt:/api/topup") ?? "{}").key).toBe(first.key);
    expect(attemptFor("/other", { packId: "starter" }).key).not.toBe(first.key);
  });

  it("are cleared only for the purchase they belong to", () => {
    const attempt = attemptFor("/api/topup", { packId: "starter" });
    saveAttempt("/api/topup", { ...attempt, purchaseId: "pur_a" });
    clearAttempt("/api/topup", "pur_b");
    expect(loadAttempt("/api/topup")?.key).toBe(attempt.key);
    clearAttempt("/api/topup", "pur_a");
    expect(loadAttempt("/api/topup")).toBeNull();
  });

  it("fall back to memory when sessionStorage throws", () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("QuotaExceededError");
    });
    const first = attemptFor("/api/topup", { packId: "starter" });
    expect(attemptFor("/api/topup", { packId: "starter" }).key).toBe(first.key);
  });

  it("ignore garbage left in storage", () => {
    window.sessionStorage.setItem("creditkit.attempt:/api/topup", "{not json");
    expect(loadAttempt("/api/topup")).toBeNull();
    window.sessionStorage.setItem("creditkit.attempt:/api/topup", JSON.stringify({ key: 5 }));
    expect(loadAttempt("/api/topup")).toBeNull();
  });
});

describe("releaseAttemptUnless", () => {
  it("keeps the attempt for the same selection and forgets it for another (or none)", () => {
    const attempt = attemptFor("/api/topup", { packId: "starter" });
    releaseAttemptUnless("/api/topup", { packId: "starter" });
    expect(loadAttempt("/api/topup")?.key).toBe(attempt.key);
    releaseAttemptUnless("/api/topup", { credits: 2500 });
    expect(loadAttempt("/api/topup")).toBeNull();
    attemptFor("/api/topup", { packId: "starter" });
    releaseAttemptUnless("/api/topup", null);
    expect(loadAttempt("/api/topup")).toBeNull();
  });
});
