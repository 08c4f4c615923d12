/**
 * GET /api/health: 200 while the server answers, for load balancers and uptime checks. No session,
 * no upstream call, nothing read: the benchmarks also use it as the floor of what any route of
 * this app costs (Next's own per-request work), against which the BFF's routes are compared.
 */
import { jsonResponse } from "../../../lib/json-response.ts";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

/** Any other method: the contract's JSON 405 rather than Next's empty one (HEAD and OPTIONS Next answers itself). */
function methodNotAllowed(): Response {
  return jsonResponse(
    405,
    { error: { code: "method_not_allowed", message: "Only GET is allowed here." } },
    { allow: "GET, HEAD, OPTIONS" },
  );
}

export { methodNotAllowed as DELETE, methodNotAllowed as PATCH, methodNotAllowed as POST, methodNotAllowed as PUT };
