import {
  ATTEMPT_KEY_HEADER,
  ATTEMPT_KEY_PATTERN,
  ATTEMPT_KEY_RULE,
  GRANTS_PAGE_LIMITS,
  PURCHASE_ID_PATTERN,
  type PurchaseSelection,
} from "@creditkit/contract";
import { z } from "zod";
import { LocaleTag } from "./config/config-schema.ts";
import { type Catalog, customCreditsProblem } from "./pricing.ts";

/**
 * Every input the BFF accepts, as strict zod schemas: unknown keys, wrong types and out-of-range
 * values fail with the field named. The route table (routes.ts) attaches them to routes and the
 * dispatcher enforces them before any handler runs.
 */

/** Routes that take no query at all still refuse unknown parameters. */
export const NoQuery = z.strictObject({});

/** `GET /catalog?locale=de-DE`: the locale the widget shows, for the packs' texts. */
export const CatalogQuery = z.strictObject({ locale: LocaleTag.optional() });

export const IdempotencyHeaders = z.object({
  [ATTEMPT_KEY_HEADER]: z.string({ error: "is required" }).regex(ATTEMPT_KEY_PATTERN, ATTEMPT_KEY_RULE),
});

export const PurchaseParams = z.strictObject({
  purchaseId: z.string().regex(PURCHASE_ID_PATTERN, "must look like pur_ followed by 32 hex digits"),
});

export const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const GrantsQuery = z.strictObject({
  limit: QueryInt(GRANTS_PAGE_LIMITS.min, GRANTS_PAGE_LIMITS.max).default(GRANTS_PAGE_LIMITS.default),
  offset: QueryInt(0, 999_999_999).default(0),
  includeVoided: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .transform((v) => v === "true")
    .default(false),
});

/**
 * Exactly `{packId}` or exactly `{credits}`. The pack must exist in the server-side catalog and a
 * custom amount must meet its rules, so a body that passes can be priced without further checks.
 */
export function purchaseBodySchema(catalog: Catalog): z.ZodType<PurchaseSelection> {
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
      (body): PurchaseSelection => (body.packId !== undefined ? { packId: body.packId } : { credits: body.credits! }),
    );
}
