import { readBodyText } from "@creditkit/server";
import { jsonError, jsonResponse } from "../../../../lib/json-response.ts";
import { getRuntime } from "../../../../lib/runtime.ts";
import {
  parseSession,
  readCookies,
  SESSION_COOKIE,
  SESSION_MAX_AGE_SECONDS,
  signSession,
} from "../../../../lib/session.ts";
import { refuseForeignRequest, signInMethodNotAllowed } from "../../../../lib/sign-in-route.ts";

/** {"customer": "<externalId>"} needs a few dozen bytes. */
const MAX_BODY_BYTES = 1024;

/**
 * The demo merchant's sign-in: POST {customer: "<externalId>"} sets a signed, HttpOnly,
 * SameSite=Lax session cookie; DELETE signs out: it revokes the session server-side (every session
 * cookie the request carries, should there be two) and clears the cookie. Both only from our own origin.
 */
export async function POST(request: Request): Promise<Response> {
  const { env, directory } = await getRuntime();
  const refused = refuseForeignRequest(request, env.publicUrl, true);
  if (refused) return refused;

  // Read while streaming and cut off past the limit, never read whole first: a 300 MB body must not
  // sit in memory before it is refused.
  let text: string;
  try {
    text = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "payload_too_large") return jsonError(413, "payload_too_large", "The request body is too large.");
    if (code === "invalid_json") return jsonError(400, "invalid_json", "The request body is not valid JSON.");
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const keys = typeof body === "object" && body !== null && !Array.isArray(body) ? Object.keys(body) : null;
  const extra = keys?.find((k) => k !== "customer");
  if (!keys || extra !== undefined) {
    return jsonError(400, "validation_failed", 'Send exactly {"customer": "<externalId>"}.', extra ?? "(body)");
  }
  const customer = (body as { customer?: unknown }).customer;
  const known = typeof customer === "string" && (await directory.list()).some((c) => c.externalId === customer);
  if (!known) return jsonError(400, "validation_failed", "customer: is not a demo customer.", "customer");

  const secure = env.publicUrl.startsWith("https:") ? "; Secure" : "";
  const cookie = `${SESSION_COOKIE}=${signSession(customer, env.sessionSecret)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure}`;
  return jsonResponse(200, { signedIn: customer }, { "set-cookie": cookie });
}

export async function DELETE(request: Request): Promise<Response> {
  const { env, revocations } = await getRuntime();
  const refused = refuseForeignRequest(request, env.publicUrl, false);
  if (refused) return refused;
  const cookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  // Revoke the session server-side, so that a copy of the cookie (another tab, a stolen one) stops
  // working now rather than when it expires.
  const sessions = readCookies(request.headers.get("cookie"), SESSION_COOKIE)
    .map((value) => parseSession(value, env.sessionSecret))
    .filter((s) => s !== null);
  try {
    for (const s of sessions) await revocations.revoke(s.sid, s.exp);
  } catch {
    const body = { error: { code: "store_unavailable", message: "Could not sign out; try again." } };
    return jsonResponse(503, body, { "set-cookie": cookie });
  }
  return jsonResponse(200, { signedIn: null }, { "set-cookie": cookie });
}

export { signInMethodNotAllowed as GET, signInMethodNotAllowed as PATCH, signInMethodNotAllowed as PUT };
