/**
 * GET /api/health: 200 while the server answers, for load balancers and uptime checks. No session,
 * no upstream call, nothing read: the benchmarks also use it as the floor of what any route of
 * this app costs (Next's own per-request work), against which the BFF's routes are compared.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
