import { assertJsonContentType, assertSameOrigin } from "@creditkit/server";
import { jsonError, jsonResponse } from "./json-response.ts";

/**
 * What the demo's two sign-in routes (the customer's and the staff's) share: the same-origin (and,
 * for a sign-in, JSON) refusal, and the contract's JSON 405 for any other method.
 */

/** A 403 when the request is cross-site (or not JSON where `needsJson`), else null. */
export function refuseForeignRequest(request: Request, publicUrl: string, needsJson: boolean): Response | null {
  try {
    assertSameOrigin(request, publicUrl);
    if (needsJson) assertJsonContentType(request);
    return null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return jsonError(403, e.code ?? "cross_site_request", e.message ?? "Cross-site requests are not allowed.");
  }
}

/** Any other method: the contract's JSON 405 rather than Next's empty one (HEAD and OPTIONS Next answers itself). */
export function signInMethodNotAllowed(): Response {
  return jsonResponse(
    405,
    { error: { code: "method_not_allowed", message: "Use POST to sign in or DELETE to sign out." } },
    { allow: "POST, DELETE" },
  );
}
