import { describe, expect, it } from "vitest";
import { readCookie, SESSION_MAX_AGE_SECONDS, signSession, verifySession } from "./session.ts";

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
});
