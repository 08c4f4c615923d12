import { z } from "zod";
import {
  CustomerId,
  DateTime,
  EntitlementId,
  FeatureId,
  listOf,
  OpenObject,
  PricingUnitId,
  ProductId,
  StringMetadata,
} from "./common.ts";

export const EntitlementStatus = z.enum(["active", "canceled", "expired"]);
export type EntitlementStatus = z.infer<typeof EntitlementStatus>;

const base = {
  customerId: CustomerId,
  featureId: FeatureId,
  featureKey: z.string(),
  productId: ProductId,
  subscriptionId: z.string().nullable(),
  status: EntitlementStatus,
  activeFrom: DateTime,
  activeTo: DateTime.nullable(),
  hasAccess: z.boolean(),
  metadata: StringMetadata,
};

/** The balance fields only metered entitlements carry. There is no separate balance endpoint. */
const metered = {
  featureType: z.literal("metered"),
  config: OpenObject.nullable(),
  isSoftLimit: z.boolean(),
  balance: z.number(),
  usageInPeriod: z.number(),
  overage: z.number(),
  pricingUnitId: PricingUnitId.nullable(),
  currentPeriodStart: DateTime.nullable(),
  currentPeriodEnd: DateTime.nullable(),
};
const boolean = { featureType: z.literal("boolean"), config: OpenObject.nullable() };
const staticFeature = { featureType: z.literal("static"), config: OpenObject };

/** List items use `entitlementId`, not `id` (the original public field name). */
const listBase = { entitlementId: EntitlementId, ...base };
export const MeteredEntitlementListItem = z.object({ ...listBase, ...metered });
export const EntitlementListItem = z.discriminatedUnion("featureType", [
  z.object({ ...listBase, ...boolean }),
  z.object({ ...listBase, ...staticFeature }),
  MeteredEntitlementListItem,
]);
export type EntitlementListItem = z.infer<typeof EntitlementListItem>;
export type MeteredEntitlementListItem = z.infer<typeof MeteredEntitlementListItem>;

export const EntitlementList = listOf(EntitlementListItem);
export type EntitlementList = z.infer<typeof EntitlementList>;

/** The get-by-id shape: `object: "entitlement"` and a top-level `id`. */
const detailBase = { object: z.literal("entitlement"), id: EntitlementId, ...base };
export const MeteredEntitlementDetail = z.object({ ...detailBase, ...metered });
export const EntitlementDetail = z.discriminatedUnion("featureType", [
  z.object({ ...detailBase, ...boolean }),
  z.object({ ...detailBase, ...staticFeature }),
  MeteredEntitlementDetail,
]);
export type EntitlementDetail = z.infer<typeof EntitlementDetail>;
export type MeteredEntitlementDetail = z.infer<typeof MeteredEntitlementDetail>;

/** Query of `GET /v1/entitlements`: exactly one of customerId / externalCustomerId. */
export const ListEntitlementsQuery = z.object({
  customerId: CustomerId.optional(),
  externalCustomerId: z.string().min(1).max(255).optional(),
  merchantId: z.string().optional(),
  featureKey: z.string().optional(),
  productId: ProductId.optional(),
  subscriptionId: z.string().optional(),
  limit: z.number().int().min(1).max(100).optional(),
  offset: z.number().int().min(0).optional(),
  at: DateTime.optional(),
});
export type ListEntitlementsQuery = z.input<typeof ListEntitlementsQuery>;

export const EntitlementTemplate = z.discriminatedUnion("type", [
  z.object({ type: z.literal("boolean") }),
  z.object({ type: z.literal("static"), config: OpenObject }),
  z.object({
    type: z.literal("metered"),
    usagePeriod: z.object({ interval: z.string().min(1), anchor: DateTime.optional() }).optional(),
    isSoftLimit: z.boolean().optional(),
    issueAfterReset: z.number().min(0).optional(),
    issueAfterResetPriority: z.number().int().optional(),
    preserveOverageAtReset: z.boolean().optional(),
    resetMaxRollover: z.number().optional(),
    resetMinRollover: z.number().optional(),
  }),
]);
export type EntitlementTemplate = z.infer<typeof EntitlementTemplate>;

/** Body of `POST /v1/entitlements` (used to seed the emulator). */
export const IssueEntitlementRequest = z.object({
  customerId: CustomerId,
  featureId: FeatureId,
  template: EntitlementTemplate,
  activeFrom: DateTime.optional(),
  activeTo: DateTime.nullable().optional(),
  subscriptionId: z.string().nullable().optional(),
  metadata: StringMetadata.optional(),
});
export type IssueEntitlementRequest = z.input<typeof IssueEntitlementRequest>;
