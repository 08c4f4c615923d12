import type { BalanceBody } from "@creditkit/contract";
import type { MeteredEntitlementDetail } from "@creditkit/paygentic";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";

/** GET /balance: the live balance fields of the customer's metered entitlement. */
export async function getBalance(ctx: RouteContext<unknown, unknown, unknown, unknown>): Promise<Response> {
  return json<BalanceBody>(200, balanceBodyOf(await ctx.entitlements.get(ctx.customer!, ctx.client)));
}

/** The balance fields of a metered entitlement, as `GET /balance` (and the admin lookup) answer them. */
export function balanceBodyOf(e: MeteredEntitlementDetail): BalanceBody {
  return {
    entitlementId: e.id,
    balance: e.balance,
    usageInPeriod: e.usageInPeriod,
    overage: e.overage,
    hasAccess: e.hasAccess,
    isSoftLimit: e.isSoftLimit,
    currentPeriodStart: e.currentPeriodStart,
    currentPeriodEnd: e.currentPeriodEnd,
  };
}
