import type { AdminCustomerBody } from "@creditkit/contract";
import { toGrantView } from "../grant-view.ts";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";
import { balanceBodyOf } from "../routes/balance-route.ts";
import { findMeteredEntitlement } from "./admin-entitlement.ts";
import type { CustomerLookupQuery } from "./admin-inputs.ts";
import type { AuditFacts } from "./audit.ts";

type Ctx = RouteContext<unknown, CustomerLookupQuery, unknown, unknown>;

/**
 * GET /customers?externalId=…|customerId=…: the customer, their live balance and one page of
 * every grant they have (voided ones too: support needs to see what was taken back).
 */
export async function lookupCustomer(ctx: Ctx, facts: AuditFacts): Promise<Response> {
  const { externalId, customerId, limit, offset } = ctx.query;
  facts.customerId = customerId;
  facts.externalId = externalId;
  const found = await findMeteredEntitlement(
    ctx.client,
    customerId !== undefined ? { customerId } : { externalCustomerId: externalId! },
  );
  facts.customerId = found.customerId;
  facts.entitlementId = found.entitlementId;
  const [customer, detail, page] = await Promise.all([
    ctx.client.customers.get(found.customerId),
    ctx.client.entitlements.get(found.entitlementId),
    ctx.client.grants.list(found.entitlementId, { limit, offset, includeVoided: true }),
  ]);
  if (detail.featureType !== "metered" || detail.customerId !== found.customerId) {
    throw new Error("Paygentic's entitlement detail contradicts its entitlement list");
  }
  const now = ctx.config.now();
  return json<AdminCustomerBody>(200, {
    customer: {
      customerId: customer.id,
      externalId: customer.externalId ?? null,
      name: customer.organization?.name ?? null,
    },
    balance: balanceBodyOf(detail),
    grants: {
      grants: page.data.map((g) => toGrantView(g, now)),
      pagination: { limit, offset, total: page.pagination.total },
    },
  });
}
