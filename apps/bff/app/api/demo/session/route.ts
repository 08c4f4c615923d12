import { assertJsonContentType, assertSameOrigin, readBodyText } from "@creditkit/server";
import { jsonError, jsonResponse } from "../../../../lib/json-response.ts";
import { getRuntime } from "../../../../lib/runtime.ts";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, signSession } from "../../../../lib/session.ts";

/** {"customer": "<externalId>"} needs a few dozen bytes. */
const MAX_BODY_BYTES = 1024;

/**
 * The demo merchant's sign-in: POST {customer: "<externalId>"} sets a signed, HttpOnly,
 * SameSite=Lax session cookie; DELETE clears it. Both only from our own origin.
 */
export async function POST(request: Request): Promise<Response> {
  const { env, directory } = await getRuntime();
  const refused = guard(request, env.publicUrl, true);
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
  const { env } = await getRuntime();
  const refused = guard(request, env.publicUrl, false);
  if (refused) return refused;
  const cookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  return jsonResponse(200, { signedIn: null }, { "set-cookie": cookie });
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
