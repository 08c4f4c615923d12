import type { AdminReasonRequest, AdminVoidBody } from "@creditkit/contract";
import { toGrantView } from "../grant-view.ts";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";
import { findMeteredEntitlement, orNotFound } from "./admin-entitlement.ts";
import type { AuditFacts } from "./audit.ts";

type Ctx = RouteContext<{ customerId: string; grantId: string }, unknown, unknown, AdminReasonRequest>;

/**
 * POST /customers/{customerId}/grants/{grantId}/void: takes back what is left of a grant. The grant
 * is read first: one that is void already is answered as such, with no second void sent (so a
 * double submit is one void). A grant of another customer is a 404, like a missing one.
 */
export async function voidGrant(ctx: Ctx, facts: AuditFacts): Promise<Response> {
  const { customerId, grantId } = ctx.params;
  Object.assign(facts, { customerId, grantId, reason: ctx.body.reason });
  const ent = await findMeteredEntitlement(ctx.client, { customerId });
  facts.entitlementId = ent.entitlementId;
  const message = "This customer has no such grant.";
  const before = await orNotFound(ctx.client.grants.get(ent.entitlementId, grantId), message);
  facts.amount = before.amount;
  const alreadyVoided = Boolean(before.voidedAt);
  const grant = alreadyVoided ? before : await orNotFound(ctx.client.grants.void(ent.entitlementId, grantId), message);
  if (alreadyVoided) facts.outcome = "already_voided";
  ctx.entitlements.invalidate(customerId);
  return json<AdminVoidBody>(200, { grant: toGrantView(grant, ctx.config.now()), alreadyVoided });
}
