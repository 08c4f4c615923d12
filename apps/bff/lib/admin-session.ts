import { createHash, timingSafeEqual } from "node:crypto";
import { parseSession, readCookie, readCookies, type SessionPayload, signSession } from "./session.ts";

/**
 * The demo's STAFF session, for the support console: a signed cookie of its own (`ck_demo_admin`),
 * apart from the customer's `ck_demo_session`. It is signed with a key derived from SESSION_SECRET
 * for this purpose only, so no customer cookie can ever pass as a staff one (nor the other way
 * round), and it is SameSite=Strict: a link from another site never arrives with it. It exists only
 * when CREDITKIT_DEMO_ADMIN_PASSWORD is set (see lib/env.ts): a real merchant plugs in their own
 * staff sign-in here, through the handler's `authorizeAdmin`.
 */

export const ADMIN_COOKIE = "ck_demo_admin";
/** A working day: staff sign in again each morning. */
export const ADMIN_MAX_AGE_SECONDS = 8 * 60 * 60;
/** Who the demo's one staff account is, in every audit line. */
export const DEMO_ADMIN_ACTOR = "demo-admin";

const adminKey = (sessionSecret: string) => `${sessionSecret}\ncreditkit-demo-admin`;

export function signAdminSession(sessionSecret: string, now?: Date): string {
  return signSession(DEMO_ADMIN_ACTOR, adminKey(sessionSecret), now);
}

/** The staff session of a Cookie header (exactly one `ck_demo_admin`), or null. Not yet checked for revocation. */
export function parseAdminSession(cookieHeader: string | null, sessionSecret: string): SessionPayload | null {
  return parseSession(readCookie(cookieHeader, ADMIN_COOKIE), adminKey(sessionSecret));
}

/** Every staff session a Cookie header carries (sign-out revokes them all). */
export function adminSessions(cookieHeader: string | null, sessionSecret: string): SessionPayload[] {
  return readCookies(cookieHeader, ADMIN_COOKIE)
    .map((value) => parseSession(value, adminKey(sessionSecret)))
    .filter((s) => s !== null);
}

/** Compares the typed password with the configured one in constant time (hashes: equal lengths). */
export function isAdminPassword(typed: string, configured: string): boolean {
  const a = createHash("sha256").update(typed).digest();
  const b = createHash("sha256").update(configured).digest();
  return timingSafeEqual(a, b);
}
