import { isDecimalString } from "@creditkit/contract";
import type { EventResponse, UsageEvent } from "@creditkit/paygentic";
import { invalidField } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { CustomerRecord, EntitlementRecord } from "../store/records.ts";
import { isEntitlementActive } from "./entitlement-view.ts";

type Event = UsageEvent & { type: string; source: string; data: Record<string, unknown> };

/** The credits an event burns: data[valueProperty] (a number or numeric string), 1 when absent. */
function creditsOf(data: Record<string, unknown>, property: string): number {
  const value = data[property];
  if (value === undefined) return 1;
  const n = typeof value === "string" && isDecimalString(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
    throw invalidField(`data.${property}`, "must be a non-negative number of credits");
  return n;
}

/**
 * `POST /v0/events`: an event whose type is a feature's eventType, for a known customer, burns
 * credits from that customer's metered entitlement of the feature (the one active at the
 * event's time, else the latest). Unknown types and subjects are accepted and ignored. The same
 * idempotencyKey twice is counted once and answered with the first response.
 */
export function ingestEvent(rt: Runtime, event: Event): EventResponse {
  const { store } = rt;
  if (event.idempotencyKey !== undefined) {
    const seen = store.eventsByKey.get(event.idempotencyKey);
    if (seen) return seen as EventResponse;
  }
  const at = event.timestamp === undefined ? rt.clock.now() : Date.parse(event.timestamp);
  let customer: CustomerRecord | undefined;
  if (event.subject !== undefined) customer = store.customers.get(event.subject);
  else if (event.externalSubject !== undefined) customer = store.customersByExternalId.get(event.externalSubject);

  let burn: { ent: EntitlementRecord; amount: number } | undefined;
  for (const feature of store.featuresByEventType.get(event.type) ?? []) {
    if (!customer || feature.type !== "metered") continue;
    const candidates = (store.entitlementsByCustomer.get(customer.id) ?? []).filter((e) => e.feature === feature);
    const ent = candidates.find((e) => isEntitlementActive(e, at)) ?? candidates[candidates.length - 1];
    if (ent) {
      burn = { ent, amount: creditsOf(event.data, feature.valueProperty) };
      break;
    }
  }

  const response: EventResponse = {
    id: rt.ids.next("evt"),
    object: "event",
    type: event.type,
    source: event.source,
    timestamp: new Date(at).toISOString(),
  };
  if (customer) response.subject = customer.id;
  if (event.externalSubject !== undefined) response.externalSubject = event.externalSubject;
  if (event.namespace !== undefined) response.namespace = event.namespace;
  if (event.idempotencyKey !== undefined) response.idempotencyKey = event.idempotencyKey;
  // Validation is over (creditsOf may have thrown): only now does anything change.
  if (burn) store.addUsage(burn.ent, { at, amount: burn.amount });
  if (event.idempotencyKey !== undefined) store.eventsByKey.set(event.idempotencyKey, response);
  return response;
}
