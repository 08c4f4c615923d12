import type { BalanceBody } from "@creditkit/contract";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";

/** GET /balance: the live balance fields of the customer's metered entitlement. */
export async function getBalance(ctx: RouteContext<unknown, unknown, unknown, unknown>): Promise<Response> {
  const e = await ctx.entitlements.get(ctx.customer!, ctx.client);
  return json<BalanceBody>(200, {
    entitlementId: e.id,
    balance: e.balance,
    usageInPeriod: e.usageInPeriod,
    overage: e.overage,
    hasAccess: e.hasAccess,
    isSoftLimit: e.isSoftLimit,
    currentPeriodStart: e.currentPeriodStart,
    currentPeriodEnd: e.currentPeriodEnd,
  });
}
