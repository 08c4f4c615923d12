import type { EntitlementDetail, EntitlementListItem } from "@creditkit/paygentic";
import { computeBalance } from "../ledger/balance.ts";
import type { EntitlementRecord } from "../store/records.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export function isEntitlementActive(ent: EntitlementRecord, at: number): boolean {
  return (
    ent.status === "active" &&
    Date.parse(ent.activeFrom) <= at &&
    (ent.activeTo === null || Date.parse(ent.activeTo) > at)
  );
}

function statusAt(ent: EntitlementRecord, at: number): "active" | "canceled" | "expired" {
  if (ent.status === "canceled") return "canceled";
  return ent.activeTo !== null && Date.parse(ent.activeTo) <= at ? "expired" : "active";
}

/** The fields list items and details share, with the live balance for metered ones. */
function body(ent: EntitlementRecord, at: number) {
  const active = isEntitlementActive(ent, at);
  const base = {
    customerId: ent.customerId,
    featureId: ent.feature.id,
    featureKey: ent.feature.key,
    productId: ent.feature.productId,
    subscriptionId: ent.subscriptionId,
    status: statusAt(ent, at),
    activeFrom: ent.activeFrom,
    activeTo: ent.activeTo,
    metadata: ent.metadata,
  };
  if (ent.feature.type === "boolean")
    return { ...base, featureType: "boolean" as const, hasAccess: active, config: null };
  if (ent.feature.type === "static")
    return { ...base, featureType: "static" as const, hasAccess: active, config: ent.feature.config ?? {} };
  const ledger = computeBalance({
    grants: ent.grants,
    usage: ent.usage,
    at,
    usagePeriod: ent.usagePeriod,
  });
  return {
    ...base,
    featureType: "metered" as const,
    hasAccess: active && (ent.isSoftLimit || ledger.balance > 0),
    config: null,
    isSoftLimit: ent.isSoftLimit,
    balance: ledger.balance,
    usageInPeriod: ledger.usageInPeriod,
    overage: ledger.overage,
    pricingUnitId: ent.feature.pricingUnitId,
    currentPeriodStart: ledger.periodStart === null ? null : iso(ledger.periodStart),
    currentPeriodEnd: ledger.periodEnd === null ? null : iso(ledger.periodEnd),
  };
}

export function entitlementDetail(ent: EntitlementRecord, at: number): EntitlementDetail {
  return { object: "entitlement", id: ent.id, ...body(ent, at) };
}

export function entitlementListItem(ent: EntitlementRecord, at: number): EntitlementListItem {
  return { entitlementId: ent.id, ...body(ent, at) };
}
