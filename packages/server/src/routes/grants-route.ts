import type { GrantsPageBody, GrantsQuery } from "@creditkit/contract";
import { toGrantView } from "../grant-view.ts";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";

/** GET /grants: one page of the customer's grants, newest first, as the widget's Grant view. */
export async function listGrants(ctx: RouteContext<unknown, GrantsQuery, unknown, unknown>): Promise<Response> {
  const customer = ctx.customer!;
  // The entitlement check proves ownership; run it beside the list so it adds no latency,
  // and answer only if both succeed.
  // Identical pages asked for at once (several tabs, a burst of reloads) share one upstream read.
  const { limit, offset, includeVoided } = ctx.query;
  const pageKey = `${customer.customerId}\n${customer.entitlementId}\ngrants?${limit}&${offset}&${includeVoided}`;
  const [, page] = await Promise.all([
    ctx.entitlements.get(customer, ctx.client),
    ctx.reads.shared(pageKey, async () => {
      await ctx.reads.charge(customer.customerId);
      return ctx.client.grants.list(customer.entitlementId, ctx.query);
    }),
  ]);
  const now = ctx.config.now();
  return json<GrantsPageBody>(200, {
    grants: page.data.map((g) => toGrantView(g, now)),
    pagination: { limit: ctx.query.limit, offset: ctx.query.offset, total: page.pagination.total },
  });
}
