import { z } from "zod";

/**
 * Building blocks shared by every Paygentic schema. Patterns are copied from
 * ../shared/paygentic/openapi.json so that a drifted id is caught at the edge.
 */

/** RFC 3339 date-time with `Z` or any UTC offset, any sub-second precision. */
export const DateTime = z.iso.datetime({ offset: true });

/**
 * Prefixed ids. The spec's patterns say `[a-zA-Z0-9]+` after the prefix, but its own examples
 * use underscores (`feat_max_users`, `sub_pro_plan`), so we also accept `_`: rejecting what the
 * real API documents would break merchants, and an underscore cannot escape a URL path segment.
 */
const prefixedId = (prefix: string) =>
  z
    .string()
    .max(255)
    .regex(new RegExp(`^${prefix}_[a-zA-Z0-9_]+$`), `must look like ${prefix}_…`);

export const CustomerId = prefixedId("cus");
export const OrganizationId = prefixedId("org");
export const EntitlementId = prefixedId("ent");
export const GrantId = prefixedId("grt");
export const FeatureId = prefixedId("feat");
export const ProductId = prefixedId("prod");
export const PricingUnitId = prefixedId("pu");
/** Purchase invoices: `inv_` + lower-case hex, as the purchase response documents. */
export const InvoiceId = z.string().regex(/^inv_[a-f0-9]+$/, "must look like inv_<hex>");

/** `{limit, offset, total}` as every offset-paginated list returns it. */
export const OffsetPagination = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
});
export type OffsetPagination = z.infer<typeof OffsetPagination>;

/** `additionalProperties: {type: string}` metadata. */
export const StringMetadata = z.record(z.string(), z.string());

/** An open JSON object (`additionalProperties: true`). */
export const OpenObject = z.record(z.string(), z.unknown());

/** Wraps an item schema in Paygentic's `{object: "list", data, pagination}` envelope. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal("list"),
    data: z.array(item),
    pagination: OffsetPagination,
  });
}
