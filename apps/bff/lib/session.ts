import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The demo merchant's own session: a signed cookie naming the signed-in customer. It stands in
 * for whatever login a real merchant has; CreditKit only ever sees it through resolveCustomer.
 * Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256(secret, payload part)).
 */

export const SESSION_COOKIE = "ck_demo_session";
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export interface SessionPayload {
  /** The customer's external id at Paygentic ("acme-alice"). */
  customer: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export function signSession(customer: string, secret: string, now: Date = new Date()): string {
  const payload: SessionPayload = { customer, exp: Math.floor(now.getTime() / 1000) + SESSION_MAX_AGE_SECONDS };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

/** The session's customer, or null for anything unsigned, tampered with, malformed or expired. */
export function verifySession(cookie: string | undefined, secret: string, now: Date = new Date()): string | null {
  if (!cookie) return null;
  const [body, signature, extra] = cookie.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<SessionPayload>;
    if (typeof payload.customer !== "string" || typeof payload.exp !== "number") return null;
    if (payload.exp * 1000 <= now.getTime()) return null;
    return payload.customer;
  } catch {
    return null;
  }
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

function mac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}
