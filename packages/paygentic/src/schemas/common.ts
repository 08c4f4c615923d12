import { z } from "zod";

/**
 * Building blocks shared by every Paygentic schema. Patterns are copied from
 * ../shared/paygentic/openapi.json so that a drifted id is caught at the edge.
 */

/** RFC 3339 date-time with `Z` or any UTC offset, any sub-second precision. */
export const DateTime = z.iso.datetime({ offset: true });

export const CustomerId = z.string().regex(/^cus_[a-zA-Z0-9]+$/, "must look like cus_…");
export const OrganizationId = z.string().regex(/^org_[a-zA-Z0-9]+$/, "must look like org_…");
export const EntitlementId = z.string().regex(/^ent_[a-zA-Z0-9]+$/, "must look like ent_…");
export const GrantId = z.string().regex(/^grt_[a-zA-Z0-9]+$/, "must look like grt_…");
export const FeatureId = z.string().regex(/^feat_[a-zA-Z0-9]+$/, "must look like feat_…");
export const ProductId = z.string().regex(/^prod_[a-zA-Z0-9]+$/, "must look like prod_…");
export const InvoiceId = z.string().regex(/^inv_[a-f0-9]+$/, "must look like inv_<hex>");
export const PricingUnitId = z.string().regex(/^pu_[a-zA-Z0-9]+$/, "must look like pu_…");

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
