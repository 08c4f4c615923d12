import type { AdminGrantKind } from "@creditkit/contract";
import { sha256Hex } from "../purchase-keys.ts";

/**
 * The upstream idempotency key of a grant given through the admin routes: a prefix naming its kind
 * and sha256(customerId + "\n" + attemptKey). A double submit of one attempt reaches the same
 * Paygentic grant; and because Paygentic keeps the key on the grant, the customer's own history
 * recognises the grant as promotional or adjustment from it, with nothing stored on our side.
 */
const PREFIXES: Record<AdminGrantKind, string> = { promotional: "ckpromo_", adjustment: "ckadj_" };
const ADMIN_KEY = /^ck(promo|adj)_[a-f0-9]{64}$/;

export async function deriveAdminGrantKey(kind: AdminGrantKind, customerId: string, attemptKey: string) {
  return `${PREFIXES[kind]}${await sha256Hex(`${customerId}\n${attemptKey}`)}`;
}

/** The kind of an admin grant from its idempotency key, or null for any other grant. */
export function adminGrantKindOf(idempotencyKey: string | null | undefined): AdminGrantKind | null {
  const match = idempotencyKey ? ADMIN_KEY.exec(idempotencyKey) : null;
  if (!match) return null;
  return match[1] === "promo" ? "promotional" : "adjustment";
}
