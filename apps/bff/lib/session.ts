import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The demo merchant's own session: a signed cookie naming the signed-in customer. It stands in
 * for whatever login a real merchant has; CreditKit only ever sees it through resolveCustomer.
 * Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256(secret, payload part)).
 *
 * Each session has a random id (`sid`) so that signing out can revoke it server-side
 * (session-revocations.ts); a cookie without one is no session.
 *
 * ONE reader of the cookie, for the page and the API alike: `sessionCookie(cookieHeader)`. Two or
 * more cookies of that name (a stale one with another Path, one tossed in from a sibling subdomain)
 * make the session AMBIGUOUS, and an ambiguous session is no session: the page shows the sign-in
 * and the API answers 401, so the page can never show one customer while the widget acts for
 * another.
 */

export const SESSION_COOKIE = "ck_demo_session";
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export interface SessionPayload {
  /** The customer's external id at Paygentic ("acme-alice"). */
  customer: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** The session's id: random, revoked on sign-out. */
  sid: string;
}

export function signSession(customer: string, secret: string, now: Date = new Date()): string {
  const payload: SessionPayload = {
    customer,
    exp: Math.floor(now.getTime() / 1000) + SESSION_MAX_AGE_SECONDS,
    sid: randomBytes(16).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

/** The session's customer, or null for anything unsigned, tampered with, malformed or expired. */
export function verifySession(cookie: string | undefined, secret: string, now: Date = new Date()): string | null {
  return parseSession(cookie, secret, now)?.customer ?? null;
}

/** The whole signed payload (customer, expiry, id), or null as verifySession. Not yet checked for revocation. */
export function parseSession(
  cookie: string | undefined,
  secret: string,
  now: Date = new Date(),
): SessionPayload | null {
  if (!cookie) return null;
  const known = verified.get(cookie);
  const payload = known !== undefined && known.secret === secret ? known.payload : verifyAndDecode(cookie, secret);
  if (!payload) return null;
  if (payload.exp * 1000 <= now.getTime()) {
    verified.delete(cookie);
    return null;
  }
  if (known === undefined) {
    verified.set(cookie, { secret, payload });
    if (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  }
  return { ...payload };
}

/**
 * Cookies whose signature was already checked, by their exact value (issue 13, cheap per request):
 * every API request of a signed-in customer brings the same cookie, and its HMAC (createHmac, about
 * 0.04 ms under Next in a CPU profile) was the app's largest own cost per request. Only a cookie
 * that verified is kept, with the secret it verified under; its expiry is checked on every call
 * (revocation by the caller, as before), so the answer is exactly what a fresh check would give.
 * A forged or tampered cookie is never found here and takes the full constant-time check.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { secret: string; payload: SessionPayload }>();

/** The payload of a cookie whose signature matches `secret`, if well-formed; expiry not checked. */
function verifyAndDecode(cookie: string, secret: string): SessionPayload | null {
  const [body, signature, extra] = cookie.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<SessionPayload>;
    if (typeof payload.customer !== "string" || typeof payload.exp !== "number") return null;
    if (typeof payload.sid !== "string" || payload.sid === "") return null;
    return { customer: payload.customer, exp: payload.exp, sid: payload.sid };
  } catch {
    return null;
  }
}

/**
 * Reads one cookie from a Cookie header: undefined when it is absent AND when it appears more than
 * once (ambiguous: which one the browser meant cannot be told, so neither is used).
 */
export function readCookie(header: string | null, name: string): string | undefined {
  const found = readCookies(header, name);
  return found.length === 1 ? found[0] : undefined;
}

/** Every value of a cookie in a Cookie header, in order (sign-out revokes them all). */
export function readCookies(header: string | null, name: string): string[] {
  const found: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) found.push(v.join("="));
  }
  return found;
}

/** THE reader of the session cookie, for the page and the API: see the note at the top. */
export function sessionCookie(cookieHeader: string | null): string | undefined {
  return readCookie(cookieHeader, SESSION_COOKIE);
}

function mac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}
