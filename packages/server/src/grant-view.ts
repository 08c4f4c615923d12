import type { GrantView } from "@creditkit/contract";
import type { Grant } from "@creditkit/paygentic";
import { purchaseIdFromUpstreamKey } from "./purchase-keys.ts";
import type { SettledGrant } from "./store/store-types.ts";

export function grantStatus(
  grant: Pick<Grant, "voidedAt" | "effectiveAt" | "expiresAt">,
  now: Date,
): GrantView["status"] {
  const t = now.getTime();
  if (grant.voidedAt) return "voided";
  if (Date.parse(grant.effectiveAt) > t) return "scheduled";
  if (grant.expiresAt && Date.parse(grant.expiresAt) <= t) return "expired";
  return "active";
}

export function toGrantView(grant: Grant, now: Date): GrantView {
  const purchaseId = purchaseIdFromUpstreamKey(grant.idempotencyKey);
  return {
    id: grant.id,
    amount: grant.amount,
    effectiveAt: grant.effectiveAt,
    expiresAt: grant.expiresAt ?? null,
    voidedAt: grant.voidedAt ?? null,
    createdAt: grant.createdAt,
    status: grantStatus(grant, now),
    // A recurring grant is the plan's allowance; a "ckp_" key is one of our purchases.
    source: purchaseId ? "purchase" : grant.recurrencePeriod ? "plan" : "other",
    purchaseId,
  };
}

/** The Grant view of a purchase's verified grant, from what its record keeps (no upstream read). */
export function settledGrantView(grant: SettledGrant, purchase: { purchaseId: string }, now: Date): GrantView {
  return {
    id: grant.id,
    amount: grant.amount,
    effectiveAt: grant.effectiveAt,
    expiresAt: grant.expiresAt,
    voidedAt: grant.voidedAt,
    createdAt: grant.createdAt,
    status: grantStatus(grant, now),
    source: "purchase",
    purchaseId: purchase.purchaseId,
  };
}
