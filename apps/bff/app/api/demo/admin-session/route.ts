import { assertJsonContentType, assertSameOrigin, readBodyText } from "@creditkit/server";
import {
  ADMIN_COOKIE,
  ADMIN_MAX_AGE_SECONDS,
  adminSessions,
  isAdminPassword,
  signAdminSession,
} from "../../../../lib/admin-session.ts";
import { jsonError, jsonResponse } from "../../../../lib/json-response.ts";
import { getRuntime } from "../../../../lib/runtime.ts";

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
  const refused = guard(request, env.publicUrl, true);
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
  const refused = guard(request, env.publicUrl, false);
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

function guard(request: Request, publicUrl: string, needsJson: boolean): Response | null {
  try {
    assertSameOrigin(request, publicUrl);
    if (needsJson) assertJsonContentType(request);
    return null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return jsonError(403, e.code ?? "cross_site_request", e.message ?? "Cross-site requests are not allowed.");
  }
}

function methodNotAllowed(): Response {
  return jsonResponse(
    405,
    { error: { code: "method_not_allowed", message: "Use POST to sign in or DELETE to sign out." } },
    { allow: "POST, DELETE" },
  );
}

export { methodNotAllowed as GET, methodNotAllowed as PATCH, methodNotAllowed as PUT };
