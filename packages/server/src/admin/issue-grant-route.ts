import { type AdminGrantBody, type AdminGrantRequest, ATTEMPT_KEY_HEADER } from "@creditkit/contract";
import type { Grant } from "@creditkit/paygentic";
import { toGrantView } from "../grant-view.ts";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";
import { toApiError } from "../upstream-errors.ts";
import { findMeteredEntitlement } from "./admin-entitlement.ts";
import { deriveAdminGrantKey } from "./admin-keys.ts";
import { assertWithinAdminGrantLimit } from "./admin-limits.ts";
import type { AuditFacts } from "./audit.ts";

type Ctx = RouteContext<{ customerId: string }, unknown, { [ATTEMPT_KEY_HEADER]: string }, AdminGrantRequest>;

/** How long a created admin grant is remembered as done (its replays are then free of the limit). */
const DONE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * POST /customers/{customerId}/grants: a promotional or adjustment grant, created directly at
 * Paygentic with a derived idempotency key, so a double submit (same attempt key) is one grant,
 * concurrent or not, on any instance. A new attempt counts against the actor's hourly limit
 * before Paygentic is called; one already done does not.
 */
export function createIssueGrant() {
  const inflight = new Map<string, Promise<{ grant: Grant; replayed: boolean }>>();

  return async function issueGrant(ctx: Ctx, facts: AuditFacts): Promise<Response> {
    const { customerId } = ctx.params;
    const body = ctx.body;
    Object.assign(facts, {
      customerId,
      kind: body.kind,
      amount: body.amount,
      reason: body.reason,
      effectiveAt: body.effectiveAt,
      expiresAt: body.expiresAt,
    });
    const upstreamKey = await deriveAdminGrantKey(body.kind, customerId, ctx.headers[ATTEMPT_KEY_HEADER]);
    let running = inflight.get(upstreamKey);
    if (!running) {
      running = createGrant(ctx, upstreamKey, facts);
      inflight.set(upstreamKey, running);
    }
    try {
      const { grant, replayed } = await running;
      facts.grantId = grant.id;
      facts.outcome = replayed ? "replayed" : "ok";
      ctx.entitlements.invalidate(customerId);
      const headers: Record<string, string> = replayed ? { "idempotent-replayed": "true" } : {};
      return json<AdminGrantBody>(201, { grant: toGrantView(grant, ctx.config.now()), replayed }, headers);
    } finally {
      if (inflight.get(upstreamKey) === running) inflight.delete(upstreamKey);
    }
  };
}

async function createGrant(ctx: Ctx, upstreamKey: string, facts: AuditFacts) {
  const { config } = ctx;
  const ent = await findMeteredEntitlement(ctx.client, { customerId: ctx.params.customerId });
  facts.entitlementId = ent.entitlementId;
  const doneKey = `admin-grant-done:${upstreamKey}`;
  const done = await config.store.getCached(doneKey);
  if (done === null) await assertWithinAdminGrantLimit(ctx, ctx.admin!.actorId);

  let grant: Grant;
  try {
    grant = await ctx.client.grants.create(ent.entitlementId, {
      amount: ctx.body.amount,
      idempotencyKey: upstreamKey,
      ...(ctx.body.effectiveAt !== undefined && { effectiveAt: ctx.body.effectiveAt }),
      ...(ctx.body.expiresAt !== undefined && { expiresAt: ctx.body.expiresAt }),
    });
  } catch (error) {
    const apiError = toApiError(error, config.logger, { conflictIsIdempotency: true });
    if (apiError?.code === "idempotency_conflict") {
      throw new ApiError("idempotency_conflict", "This Idempotency-Key was already used for a different grant.");
    }
    throw apiError ?? error;
  }
  if (grant.idempotencyKey !== upstreamKey || grant.entitlementId !== ent.entitlementId) {
    config.logger.error("Paygentic's grant answer does not match the request", { grantId: grant.id });
    throw new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
  }
  await config.store.putCached(doneKey, grant.id, DONE_TTL_MS);
  return { grant, replayed: done !== null };
}
