import type {
  EntitlementDetail,
  EntitlementList,
  IssueEntitlementRequest,
  ListEntitlementsQuery,
} from "@creditkit/paygentic";
import { conflict, invalidField, notFound } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { EntitlementRecord } from "../store/records.ts";
import { isPositive, parseDuration } from "../time/duration.ts";
import { entitlementDetail, entitlementListItem, isEntitlementActive } from "./entitlement-view.ts";

type ListQuery = ListEntitlementsQuery & { limit?: number; offset?: number };

export function findEntitlement(rt: Runtime, id: string): EntitlementRecord {
  const ent = rt.store.entitlements.get(id);
  if (!ent) throw notFound(`entitlement ${id} not found`);
  return ent;
}

/** `GET /v1/entitlements`: a customer's entitlements (by id or external id), live balances at `at`. */
export function listEntitlements(rt: Runtime, q: ListQuery): EntitlementList {
  if ((q.customerId === undefined) === (q.externalCustomerId === undefined)) {
    throw invalidField("customerId", "supply exactly one of customerId or externalCustomerId", "invalid_union");
  }
  const at = q.at === undefined ? rt.clock.now() : Date.parse(q.at);
  const customer =
    q.customerId !== undefined
      ? rt.store.customers.get(q.customerId)
      : rt.store.customersByExternalId.get(q.externalCustomerId as string);
  const all = (customer && rt.store.entitlementsByCustomer.get(customer.id)) || [];
  const matching = all.filter(
    (e) =>
      (q.featureKey === undefined || e.feature.key === q.featureKey) &&
      (q.productId === undefined || e.feature.productId === q.productId) &&
      (q.subscriptionId === undefined || e.subscriptionId === q.subscriptionId) &&
      (q.merchantId === undefined || rt.store.merchant.id === q.merchantId),
  );
  const limit = q.limit ?? 10;
  const offset = q.offset ?? 0;
  return {
    object: "list",
    data: matching.slice(offset, offset + limit).map((e) => entitlementListItem(e, at)),
    pagination: { limit, offset, total: matching.length },
  };
}

export function getEntitlement(rt: Runtime, id: string, at: string | undefined): EntitlementDetail {
  return entitlementDetail(findEntitlement(rt, id), at === undefined ? rt.clock.now() : Date.parse(at));
}

/** `POST /v1/entitlements`: checks everything first, then creates (a failed call changes nothing). */
export function issueEntitlement(rt: Runtime, body: IssueEntitlementRequest): EntitlementDetail {
  const { store } = rt;
  const now = rt.clock.now();
  if (!store.customers.has(body.customerId)) throw notFound(`customer ${body.customerId} not found`);
  const feature = store.features.get(body.featureId);
  if (!feature) throw notFound(`feature ${body.featureId} not found`);
  const template = body.template;
  if (template.type !== feature.type)
    throw invalidField("template.type", `feature ${feature.key} is ${feature.type}, not ${template.type}`);
  const activeFrom = body.activeFrom === undefined ? now : Date.parse(body.activeFrom);
  if (body.activeTo != null && Date.parse(body.activeTo) <= activeFrom)
    throw invalidField("activeTo", "must be after activeFrom");
  let usagePeriod: EntitlementRecord["usagePeriod"] = null;
  if (template.type === "metered" && template.usagePeriod) {
    const period = parseDuration(template.usagePeriod.interval);
    if (!period || !isPositive(period))
      throw invalidField("template.usagePeriod.interval", 'must be a positive ISO-8601 duration, like "P1M"');
    const anchor = template.usagePeriod.anchor === undefined ? activeFrom : Date.parse(template.usagePeriod.anchor);
    usagePeriod = { interval: template.usagePeriod.interval, anchor, period };
  }
  const existing = (store.entitlementsByCustomer.get(body.customerId) ?? []).find(
    (e) => e.feature.id === feature.id && isEntitlementActive(e, now),
  );
  if (existing)
    throw conflict("ENTITLEMENT_EXISTS", `customer already has active entitlement ${existing.id} for ${feature.key}`);

  const ent = store.addEntitlement({
    id: rt.ids.next("ent"),
    customerId: body.customerId,
    feature,
    subscriptionId: body.subscriptionId ?? null,
    status: "active",
    activeFrom: new Date(activeFrom).toISOString(),
    activeTo: body.activeTo == null ? null : new Date(Date.parse(body.activeTo)).toISOString(),
    metadata: body.metadata ?? {},
    isSoftLimit: template.type === "metered" ? (template.isSoftLimit ?? false) : false,
    usagePeriod,
  });
  // issueAfterReset: the plan allowance, refilled at every reset of the usage period.
  if (template.type === "metered" && usagePeriod && template.issueAfterReset) {
    store.addGrant(ent, {
      id: rt.ids.next("grt"),
      amount: template.issueAfterReset,
      effectiveAt: usagePeriod.anchor,
      expiresAt: null,
      voidedAt: null,
      createdAt: now,
      recurrencePeriod: usagePeriod.interval,
      idempotencyKey: null,
      priority: template.issueAfterResetPriority ?? 1,
      resetMaxRollover: template.resetMaxRollover,
      resetMinRollover: template.resetMinRollover,
    });
  }
  return entitlementDetail(ent, now);
}
