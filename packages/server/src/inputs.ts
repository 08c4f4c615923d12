import { z } from "zod";
import { type Catalog, customCreditsProblem } from "./pricing.ts";
import { PURCHASE_ID } from "./purchase-keys.ts";

/**
 * Every input the BFF accepts, as strict zod schemas: unknown keys, wrong types and out-of-range
 * values fail with the field named. The route table (routes.ts) attaches them to routes and the
 * dispatcher enforces them before any handler runs.
 */

/** Routes that take no query at all still refuse unknown parameters. */
export const NoQuery = z.strictObject({});

export const IdempotencyHeaders = z.object({
  "Idempotency-Key": z
    .string({ error: "is required" })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 characters of A–Z, a–z, 0–9, _ or -"),
});

export const PurchaseParams = z.strictObject({
  purchaseId: z.string().regex(PURCHASE_ID, "must look like pur_ followed by 32 hex digits"),
});

const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const GrantsQuery = z.strictObject({
  limit: QueryInt(1, 100).default(20),
  offset: QueryInt(0, 999_999_999).default(0),
  includeVoided: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .transform((v) => v === "true")
    .default(false),
});

export type PurchaseBody = { packId: string } | { credits: number };

/**
 * Exactly `{packId}` or exactly `{credits}`. The pack must exist in the server-side catalog and a
 * custom amount must meet its rules, so a body that passes can be priced without further checks.
 */
export function purchaseBodySchema(catalog: Catalog): z.ZodType<PurchaseBody> {
  const packIds = new Set(catalog.packs.map((p) => p.id));
  return z
    .strictObject({
      packId: z
        .string()
        .refine((id) => packIds.has(id), "is not a pack in the catalog")
        .optional(),
      credits: z
        .number()
        .superRefine((credits, ctx) => {
          const problem = catalog.custom
            ? customCreditsProblem(catalog.custom, credits, catalog.currency)
            : "cannot be chosen: this catalog offers packs only";
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .optional(),
    })
    .superRefine((body, ctx) => {
      if ((body.packId === undefined) === (body.credits === undefined)) {
        ctx.addIssue({ code: "custom", message: 'must contain exactly one of "packId" or "credits"' });
      }
    })
    .transform(
      (body): PurchaseBody => (body.packId !== undefined ? { packId: body.packId } : { credits: body.credits! }),
    );
}
