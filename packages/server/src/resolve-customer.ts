import { CustomerId, EntitlementId } from "@creditkit/paygentic";
import { z } from "zod";
import type { ResolveCustomer, ResolvedCustomer } from "./config/config-types.ts";
import { ApiError } from "./http/api-error.ts";
import type { SafeLogger } from "./safe-logger.ts";

const Resolved = z.object({ customerId: CustomerId, entitlementId: EntitlementId });

/**
 * Asks the merchant's resolveCustomer who is calling. null is 401. Anything malformed is the
 * merchant's bug (logged, 500), never guessed around: only the ids are kept, whatever else
 * the callback returned.
 */
export async function resolveCustomerOrThrow(
  resolve: ResolveCustomer,
  request: Request,
  logger: SafeLogger,
): Promise<ResolvedCustomer> {
  const result = await resolve(request);
  if (result === null || result === undefined) {
    throw new ApiError("unauthenticated", "Sign in to buy and view credits.");
  }
  const parsed = Resolved.safeParse(result);
  if (!parsed.success) {
    logger.error("resolveCustomer returned an invalid value", {
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    throw new ApiError("internal_error", "Something went wrong on our side. Please try again.");
  }
  return { customerId: parsed.data.customerId, entitlementId: parsed.data.entitlementId };
}
