import type { CreateGrantRequest, Grant, GrantList } from "@creditkit/paygentic";
import { conflict, invalidField, notFound } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { EntitlementRecord, GrantRecord } from "../store/records.ts";
import { isEntitlementActive } from "./entitlement-view.ts";
import { fingerprint, replayOrConflict } from "./idempotency.ts";

type CreateGrant = CreateGrantRequest & { idempotencyKey: string };

export function requireMetered(ent: EntitlementRecord): void {
  if (ent.feature.type !== "metered")
    throw invalidField("entitlementId", `entitlement ${ent.id} is ${ent.feature.type}; only metered ones have grants`);
}

function requireActive(ent: EntitlementRecord, now: number): void {
  if (!isEntitlementActive(ent, now)) throw conflict("ENTITLEMENT_NOT_ACTIVE", `entitlement ${ent.id} is not active`);
}

/** Checks the dates of a grant-to-be; a bad pair is a 400 naming expiresAt. */
function checkGrantWindow(effectiveAt: number, expiresAt: string | null | undefined): void {
  if (expiresAt != null && Date.parse(expiresAt) <= effectiveAt)
    throw invalidField("expiresAt", "must be after effectiveAt (which defaults to now)");
}

function checkRollover(min: number | undefined, max: number | undefined): void {
  if (min !== undefined && max !== undefined && min > max)
    throw invalidField("resetMinRollover", "must not exceed resetMaxRollover");
}

/** What a direct grant and a purchase both carry, for the checks they share. */
type NewGrantInput = {
  idempotencyKey: string;
  effectiveAt?: string | undefined;
  expiresAt?: string | null | undefined;
  resetMinRollover?: number | undefined;
  resetMaxRollover?: number | undefined;
};

/**
 * The admission of a new grant, direct or purchased: a replayed key answers with the original
 * (before any other check, as Paygentic does), else the entitlement must be metered and active and
 * the dates and rollover bounds must make sense. Returns the replay, or the clock's now.
 */
export function admitNewGrant(
  rt: Runtime,
  ent: EntitlementRecord,
  kind: "grant" | "purchase",
  body: NewGrantInput,
): { replay: unknown; print: string } | { now: number; print: string } {
  requireMetered(ent);
  const print = fingerprint(kind, body);
  const replay = replayOrConflict(ent, body.idempotencyKey, print);
  if (replay !== undefined) return { replay, print };
  const now = rt.clock.now();
  requireActive(ent, now);
  checkGrantWindow(body.effectiveAt === undefined ? now : Date.parse(body.effectiveAt), body.expiresAt);
  checkRollover(body.resetMinRollover, body.resetMaxRollover);
  return { now, print };
}

/** `POST …/grants`: 201 with the grant, or the original grant when the key is replayed. */
export function createGrant(rt: Runtime, ent: EntitlementRecord, body: CreateGrant): Grant {
  const admitted = admitNewGrant(rt, ent, "grant", body);
  if ("replay" in admitted) return admitted.replay as Grant;
  const { now, print } = admitted;
  const effectiveAt = body.effectiveAt === undefined ? now : Date.parse(body.effectiveAt);

  const grant = rt.store.addGrant(ent, {
    id: rt.ids.next("grt"),
    amount: body.amount,
    effectiveAt,
    expiresAt: body.expiresAt == null ? null : Date.parse(body.expiresAt),
    voidedAt: null,
    createdAt: now,
    recurrencePeriod: null,
    idempotencyKey: body.idempotencyKey,
    priority: body.priority,
    resetMaxRollover: body.resetMaxRollover,
    resetMinRollover: body.resetMinRollover,
  });
  ent.idempotency.set(body.idempotencyKey, { kind: "grant", fingerprint: print, body: grant.view });
  return grant.view;
}

export function findGrant(ent: EntitlementRecord, grantId: string): GrantRecord {
  const grant = ent.grantsById.get(grantId);
  if (!grant) throw notFound(`grant ${grantId} not found on entitlement ${ent.id}`);
  return grant;
}

/** Newest first; voided grants only with includeVoided. O(page) work: the lists stay sorted. */
export function listGrants(
  ent: EntitlementRecord,
  q: { limit?: number | undefined; offset?: number | undefined; includeVoided?: boolean | undefined },
): GrantList {
  requireMetered(ent);
  const source = q.includeVoided ? ent.grants : ent.liveGrants;
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const data: Grant[] = [];
  for (let i = offset; i < offset + limit && i < source.length; i++) data.push((source[i] as GrantRecord).view);
  return { object: "list", data, pagination: { limit, offset, total: source.length } };
}

/** `DELETE …/grants/{id}`: voids what is left of the grant; a voided grant comes back unchanged. */
export function voidGrant(rt: Runtime, ent: EntitlementRecord, grantId: string): Grant {
  const grant = findGrant(ent, grantId);
  rt.store.voidGrant(ent, grant, rt.clock.now());
  return grant.view;
}
