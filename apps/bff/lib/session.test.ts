import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  parseSession,
  readCookie,
  readCookies,
  SESSION_MAX_AGE_SECONDS,
  sessionCookie,
  signSession,
  verifySession,
} from "./session.ts";
import { memoryRevocations } from "./session-revocations.ts";

const SECRET = "a-session-secret-of-at-least-32-chars!";
const now = new Date("2026-03-01T12:00:00Z");

describe("session cookies", () => {
  it("round-trips the customer", () => {
    expect(verifySession(signSession("acme-alice", SECRET, now), SECRET, now)).toBe("acme-alice");
  });

  it("refuses a cookie signed with another secret", () => {
    expect(verifySession(signSession("acme-alice", "another-secret-of-32-characters!!", now), SECRET, now)).toBeNull();
  });

  it("refuses a tampered payload or signature", () => {
    const cookie = signSession("acme-alice", SECRET, now);
    const [body, sig] = cookie.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ customer: "acme-bob", exp: 9_999_999_999 })).toString("base64url");
    expect(verifySession(`${forged}.${sig}`, SECRET, now)).toBeNull();
    expect(verifySession(`${body}.${sig.slice(0, -2)}AA`, SECRET, now)).toBeNull();
    expect(verifySession(`${body}.${sig}.extra`, SECRET, now)).toBeNull();
    expect(verifySession(body, SECRET, now)).toBeNull();
    expect(verifySession("", SECRET, now)).toBeNull();
    expect(verifySession(undefined, SECRET, now)).toBeNull();
  });

  it("answers a cookie it has verified before exactly as the first time (the verified-signature cache)", () => {
    const cookie = signSession("acme-alice", SECRET, now);
    const first = parseSession(cookie, SECRET, now);
    expect(parseSession(cookie, SECRET, now)).toEqual(first);
    // Another secret (a rotated SESSION_SECRET) does not reuse the earlier verification.
    expect(parseSession(cookie, "another-secret-of-32-characters!!", now)).toBeNull();
    // Expiry is checked on every call, cached or not.
    const later = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(parseSession(cookie, SECRET, later)).toBeNull();
    expect(parseSession(cookie, SECRET, now)).toEqual(first);
    // Callers get their own copy: changing it changes nothing for the next request.
    (first as { customer: string }).customer = "acme-bob";
    expect(parseSession(cookie, SECRET, now)?.customer).toBe("acme-alice");
  });

  it("expires", () => {
    const cookie = signSession("acme-alice", SECRET, now);
    const later = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(verifySession(cookie, SECRET, new Date(later.getTime() - 1000))).toBe("acme-alice");
    expect(verifySession(cookie, SECRET, later)).toBeNull();
  });

  it("reads a cookie out of a Cookie header", () => {
    expect(readCookie("a=1; ck_demo_session=x.y; b=2", "ck_demo_session")).toBe("x.y");
    expect(readCookie(null, "ck_demo_session")).toBeUndefined();
  });

  it("gives every session its own id, and a cookie without one is no session", () => {
    const a = parseSession(signSession("acme-alice", SECRET, now), SECRET, now);
    const b = parseSession(signSession("acme-alice", SECRET, now), SECRET, now);
    expect(a?.sid).toMatch(/^[\w-]{16,}$/);
    expect(a?.sid).not.toBe(b?.sid);
    expect(a).toMatchObject({
      customer: "acme-alice",
      exp: Math.floor(now.getTime() / 1000) + SESSION_MAX_AGE_SECONDS,
    });
    // A correctly signed payload without a session id (the cookie format before revocation).
    const body = Buffer.from(JSON.stringify({ customer: "acme-alice", exp: 9_999_999_999 })).toString("base64url");
    const legacy = `${body}.${createHmac("sha256", SECRET).update(body).digest("base64url")}`;
    expect(parseSession(legacy, SECRET, now)).toBeNull();
  });
});

describe("two session cookies", () => {
  it("are an ambiguous session, which is no session: one reader for the page and the API", () => {
    const alice = signSession("acme-alice", SECRET, now);
    const bob = signSession("acme-bob", SECRET, now);
    expect(sessionCookie(`ck_demo_session=${alice}`)).toBe(alice);
    for (const header of [
      `ck_demo_session=${alice}; ck_demo_session=${bob}`,
      `ck_demo_session=${bob}; theme=dark; ck_demo_session=${alice}`,
      `ck_demo_session=${alice}; ck_demo_session=${alice}`,
      `ck_demo_session=${alice}; ck_demo_session=`,
    ]) {
      expect(sessionCookie(header), header).toBeUndefined();
      expect(verifySession(sessionCookie(header), SECRET, now)).toBeNull();
    }
    // Sign-out still sees every one of them, to revoke them all.
    expect(readCookies(`ck_demo_session=${alice}; ck_demo_session=${bob}`, "ck_demo_session")).toEqual([alice, bob]);
  });
});

describe("session revocations (in memory)", () => {
  it("revoke a session until its cookie would have expired, and forget it then", async () => {
    let clock = now.getTime();
    const revocations = memoryRevocations(3, () => clock);
    const exp = Math.floor(clock / 1000) + 60;
    expect(await revocations.isRevoked("s1")).toBe(false);
    await revocations.revoke("s1", exp);
    expect(await revocations.isRevoked("s1")).toBe(true);
    expect(await revocations.isRevoked("s2")).toBe(false);
    clock += 61_000;
    expect(await revocations.isRevoked("s1")).toBe(false);
  });

  it("hold at most maxEntries, dropping the oldest first", async () => {
    const revocations = memoryRevocations(3, () => now.getTime());
    const exp = Math.floor(now.getTime() / 1000) + 3600;
    for (const sid of ["a", "b", "c", "d"]) await revocations.revoke(sid, exp);
    expect(await Promise.all(["a", "b", "c", "d"].map((s) => revocations.isRevoked(s)))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});
