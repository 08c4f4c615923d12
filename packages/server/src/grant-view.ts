import type { GrantView } from "@creditkit/contract";
import type { Grant } from "@creditkit/paygentic";
import { purchaseIdFromUpstreamKey } from "./purchase-keys.ts";

export function grantStatus(grant: Grant, now: Date): GrantView["status"] {
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
