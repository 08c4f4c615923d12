import { z } from "zod";
import { DateTime, EntitlementId, GrantId, listOf } from "./common.ts";

const MAX_ROLLOVER = 999_999_999_999;

/**
 * A grant of credits on an entitlement. `recurrencePeriod` and `idempotencyKey` are always
 * present (possibly null): generated SDKs reject a grant without them, so we do too.
 */
export const Grant = z.object({
  object: z.literal("grant"),
  id: GrantId,
  entitlementId: EntitlementId,
  amount: z.number(),
  effectiveAt: DateTime,
  expiresAt: DateTime.nullable().optional(),
  voidedAt: DateTime.nullable().optional(),
  createdAt: DateTime,
  recurrencePeriod: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  resetMaxRollover: z.number().optional(),
  resetMinRollover: z.number().optional(),
  priority: z.number().int().optional(),
});
export type Grant = z.infer<typeof Grant>;

export const GrantList = listOf(Grant);
export type GrantList = z.infer<typeof GrantList>;

const Rollover = z.number().min(0).max(MAX_ROLLOVER);

/** Body of `POST /v1/entitlements/{id}/grants`. */
export const CreateGrantRequest = z.object({
  amount: z.number().gt(0, "must be greater than 0"),
  effectiveAt: DateTime.optional(),
  expiresAt: DateTime.nullable().optional(),
  // The spec only caps the length; an empty key would deduplicate nothing, so we refuse it too.
  idempotencyKey: z.string().min(1).max(255),
  resetMaxRollover: Rollover.optional(),
  resetMinRollover: Rollover.optional(),
  priority: z.number().int().min(-32768).max(32767).optional(),
});
export type CreateGrantRequest = z.input<typeof CreateGrantRequest>;

/** Query of `GET /v1/entitlements/{id}/grants`: default 20, max 100, voided hidden by default. */
export const ListGrantsQuery = z.object({
  limit: z.number().int().min(1).max(100).optional(),
  offset: z.number().int().min(0).optional(),
  includeVoided: z.boolean().optional(),
});
export type ListGrantsQuery = z.input<typeof ListGrantsQuery>;
