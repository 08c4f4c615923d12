import { readBodyText } from "@creditkit/server";
import {
  ADMIN_COOKIE,
  ADMIN_MAX_AGE_SECONDS,
  adminSessions,
  isAdminPassword,
  signAdminSession,
} from "../../../../lib/admin-session.ts";
import { jsonError, jsonResponse } from "../../../../lib/json-response.ts";
import { getRuntime } from "../../../../lib/runtime.ts";
import { refuseForeignRequest, signInMethodNotAllowed } from "../../../../lib/sign-in-route.ts";

/** {"password": "…"} needs a few hundred bytes at most. */
const MAX_BODY_BYTES = 1024;

/**
 * The demo's STAFF sign-in, for the support console (/admin): POST {password} sets the staff
 * cookie when it matches CREDITKIT_DEMO_ADMIN_PASSWORD; DELETE signs out (revoked server-side).
 * Without that variable there is no staff sign-in at all (404). Same-origin JSON only.
 */
export async function POST(request: Request): Promise<Response> {
  const { env } = await getRuntime();
  if (env.demoAdminPassword === undefined) return jsonError(404, "not_found", "There is nothing here.");
  const refused = refuseForeignRequest(request, env.publicUrl, true);
  if (refused) return refused;
  let body: unknown;
  try {
    body = JSON.parse(await readBodyText(request, MAX_BODY_BYTES));
  } catch (error) {
    if ((error as { code?: unknown }).code === "payload_too_large") {
      return jsonError(413, "payload_too_large", "The request body is too large.");
    }
    return jsonError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const keys = typeof body === "object" && body !== null && !Array.isArray(body) ? Object.keys(body) : null;
  const extra = keys?.find((k) => k !== "password");
  const password = (body as { password?: unknown } | null)?.password;
  if (!keys || extra !== undefined || typeof password !== "string") {
    return jsonError(400, "validation_failed", 'Send exactly {"password": "…"}.', extra ?? "password");
  }
  if (!isAdminPassword(password, env.demoAdminPassword)) {
    return jsonError(401, "unauthenticated", "That is not the staff password.");
  }
  const secure = env.publicUrl.startsWith("https:") ? "; Secure" : "";
  const cookie = `${ADMIN_COOKIE}=${signAdminSession(env.sessionSecret)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ADMIN_MAX_AGE_SECONDS}${secure}`;
  return jsonResponse(200, { staff: true }, { "set-cookie": cookie });
}

export async function DELETE(request: Request): Promise<Response> {
  const { env, revocations } = await getRuntime();
  if (env.demoAdminPassword === undefined) return jsonError(404, "not_found", "There is nothing here.");
  const refused = refuseForeignRequest(request, env.publicUrl, false);
  if (refused) return refused;
  const cookie = `${ADMIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  try {
    for (const s of adminSessions(request.headers.get("cookie"), env.sessionSecret)) {
      await revocations.revoke(s.sid, s.exp);
    }
  } catch {
    const body = { error: { code: "store_unavailable", message: "Could not sign out; try again." } };
    return jsonResponse(503, body, { "set-cookie": cookie });
  }
  return jsonResponse(200, { staff: false }, { "set-cookie": cookie });
}

export { signInMethodNotAllowed as GET, signInMethodNotAllowed as PATCH, signInMethodNotAllowed as PUT };
