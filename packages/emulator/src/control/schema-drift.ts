/**
 * The "schema-drift" fault: the real answer with one required field retyped (a number where a
 * string is expected), as a Paygentic release that broke its contract would send it. The
 * field is chosen so that the client's schema for that route rejects it.
 */
const CANDIDATES = ["id", "invoiceId", "entitlementId", "customerId", "object"];

export function driftBody(body: unknown): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { drifted: true };
  const copy = structuredClone(body) as Record<string, unknown>;
  if (Array.isArray(copy.data)) {
    const first = copy.data[0];
    if (first !== null && typeof first === "object") {
      retype(first as Record<string, unknown>);
      return copy;
    }
    // An empty list: drift its pagination instead.
    copy.pagination = { ...(copy.pagination as object), total: "unknown" };
    return copy;
  }
  retype(copy);
  return copy;
}

function retype(target: Record<string, unknown>): void {
  const key = CANDIDATES.find((k) => k in target);
  if (key !== undefined) target[key] = 12345;
  else target.object = 12345;
}
