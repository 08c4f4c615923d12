import {
  ADMIN_GRANT_KINDS,
  ADMIN_REASON_LIMITS,
  type AdminGrantRequest,
  GRANTS_PAGE_LIMITS,
  PURCHASE_ID_PATTERN,
} from "@creditkit/contract";
import { CustomerId, DateTime, GrantId } from "@creditkit/paygentic";
import { z } from "zod";
import { QueryInt } from "../inputs.ts";

/**
 * Every input of the admin routes, as strict zod schemas (unknown keys are 400 naming the key),
 * enforced by the dispatcher before a handler runs, exactly like the customer routes' inputs.
 */

/** Control characters would let a reason forge extra lines in a plain-text log. */
const Reason = z
  .string({ error: "is required" })
  .trim()
  .min(ADMIN_REASON_LIMITS.min, `must be at least ${ADMIN_REASON_LIMITS.min} characters`)
  .max(ADMIN_REASON_LIMITS.max, `must be at most ${ADMIN_REASON_LIMITS.max} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters such as line breaks");

export const CustomerLookupQuery = z
  .strictObject({
    externalId: z.string().min(1, "must not be empty").max(255).optional(),
    customerId: CustomerId.optional(),
    limit: QueryInt(GRANTS_PAGE_LIMITS.min, GRANTS_PAGE_LIMITS.max).default(GRANTS_PAGE_LIMITS.default),
    offset: QueryInt(0, 999_999_999).default(0),
  })
  .superRefine((q, ctx) => {
    if ((q.externalId === undefined) === (q.customerId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["externalId"],
        message: 'give exactly one of "externalId" or "customerId"',
      });
    }
  });
export type CustomerLookupQuery = z.output<typeof CustomerLookupQuery>;

export const CustomerParams = z.strictObject({ customerId: CustomerId });
export const GrantParams = z.strictObject({ customerId: CustomerId, grantId: GrantId });
export const RefundParams = z.strictObject({
  customerId: CustomerId,
  purchaseId: z.string().regex(PURCHASE_ID_PATTERN, "must look like pur_ followed by 32 hex digits"),
});

export const ReasonBody = z.strictObject({ reason: Reason });

/**
 * A grant to give: a kind, whole credits up to the merchant's largest single grant, optional dates
 * (an expiry must be in the future and after the start), and a reason.
 */
export function adminGrantBodySchema(maxGrantCredits: number, now: () => Date): z.ZodType<AdminGrantRequest> {
  return z
    .strictObject({
      kind: z.enum(ADMIN_GRANT_KINDS, { error: 'must be "promotional" or "adjustment"' }),
      amount: z
        .number({ error: "must be a number" })
        .int("must be a whole number of credits")
        .min(1, "must be at least 1")
        .max(maxGrantCredits, `must be at most ${maxGrantCredits} (the largest single grant allowed)`),
      effectiveAt: DateTime.optional(),
      expiresAt: DateTime.optional(),
      reason: Reason,
    })
    .superRefine((body, ctx) => {
      if (body.expiresAt === undefined) return;
      const start = body.effectiveAt === undefined ? now().getTime() : Date.parse(body.effectiveAt);
      if (Date.parse(body.expiresAt) <= Math.max(start, now().getTime())) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "must be in the future and after effectiveAt" });
      }
    });
}
