import type { MeteredEntitlementListItem, PaygenticClient } from "@creditkit/paygentic";
import { isPaygenticError } from "@creditkit/paygentic";
import { ApiError } from "../http/api-error.ts";

/**
 * The customer's metered entitlement (the one credits live on), found by Paygentic customer id or
 * by the merchant's external id. The first active metered entitlement is the one: CreditKit sells
 * one kind of credit per customer, as `resolveCustomer` maps each customer to one entitlement.
 */
export async function findMeteredEntitlement(
  client: PaygenticClient,
  who: { customerId: string } | { externalCustomerId: string },
): Promise<MeteredEntitlementListItem> {
  const list = await client.entitlements.list({ ...who, limit: 100 });
  const found = list.data.find(
    (e): e is MeteredEntitlementListItem => e.featureType === "metered" && e.status === "active",
  );
  if (!found) throw new ApiError("not_found", "There is no customer with an active credit entitlement by that id.");
  return found;
}

/** Runs an upstream read whose 404 means "not this customer's" and answers it as our 404. */
export async function orNotFound<T>(read: Promise<T>, message: string): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isPaygenticError(error) && error.kind === "http" && error.status === 404) {
      throw new ApiError("not_found", message);
    }
    throw error;
  }
}
