import { z } from "zod";
import { ERROR_STATUS } from "../http/api-error.ts";

/**
 * The BFF contract (.briefs/contract.md, packages/server/README.md) as strict schemas, written
 * from the document rather than from the code, so that tests catch the code drifting from it.
 */

const Decimal = z.string().regex(/^\d+\.\d+$/);
const DateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date-time");
const PurchaseId = z.string().regex(/^pur_[0-9a-f]{32}$/);

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string().min(1),
    field: z.string().min(1).optional(),
    issues: z.array(z.strictObject({ field: z.string().min(1), message: z.string().min(1) })).optional(),
    retryAfterSeconds: z.number().int().positive().optional(),
  }),
});

export const GrantView = z.strictObject({
  id: z.string().min(1),
  amount: z.number(),
  effectiveAt: DateTime,
  expiresAt: DateTime.nullable(),
  voidedAt: DateTime.nullable(),
  createdAt: DateTime,
  status: z.enum(["active", "scheduled", "expired", "voided"]),
  source: z.enum(["purchase", "plan", "other"]),
  purchaseId: PurchaseId.nullable(),
});

export const BalanceBody = z.strictObject({
  entitlementId: z.string().min(1),
  balance: z.number(),
  usageInPeriod: z.number(),
  overage: z.number(),
  hasAccess: z.boolean(),
  isSoftLimit: z.boolean(),
  currentPeriodStart: DateTime.nullable(),
  currentPeriodEnd: DateTime.nullable(),
});

export const GrantsBody = z.strictObject({
  grants: z.array(GrantView),
  pagination: z.strictObject({
    limit: z.number().int().min(1).max(100),
    offset: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
});

export const CatalogBody = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  packs: z.array(
    z.strictObject({
      id: z.string().min(1),
      credits: z.number().int().positive(),
      price: Decimal,
      label: z.string(),
      badge: z.string().optional(),
    }),
  ),
  custom: z
    .strictObject({
      minCredits: z.number().int(),
      maxCredits: z.number().int(),
      step: z.number().int(),
      unitPrice: z.string(),
      minPrice: Decimal,
    })
    .nullable(),
});

export const CreatedPurchaseBody = z.strictObject({
  purchaseId: PurchaseId,
  paymentUrl: z.url({ protocol: /^https?$/ }),
  expiresAt: DateTime,
  credits: z.number().int().positive(),
  price: Decimal,
  currency: z.string().regex(/^[A-Z]{3}$/),
  packId: z.string().nullable(),
});

export const PurchaseStatusBody = z.strictObject({
  purchaseId: PurchaseId,
  status: z.enum(["pending", "paid", "cancelled", "expired", "failed"]),
  credits: z.number().int().positive(),
  price: Decimal,
  currency: z.string().regex(/^[A-Z]{3}$/),
  packId: z.string().nullable(),
  createdAt: DateTime,
  expiresAt: DateTime,
  paidAt: DateTime.nullable(),
  paymentUrl: z.url({ protocol: /^https?$/ }).nullable(),
  grant: GrantView.nullable(),
});

export const WebhookBody = z.strictObject({
  received: z.literal(true),
  duplicate: z.literal(true).optional(),
  ignored: z.literal(true).optional(),
});

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Headers the contract puts on every answer, errors included. */
export function contractHeaderProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.headers.get("x-content-type-options") !== "nosniff") problems.push("x-content-type-options");
  if (answer.headers.get("cache-control") !== "no-store") problems.push("cache-control");
  if (!answer.headers.get("content-type")?.startsWith("application/json")) problems.push("content-type");
  return problems;
}

/** Why an answer is not a contract error with this status (empty when it is one). */
export function errorShapeProblems(answer: Answer): string[] {
  const problems = contractHeaderProblems(answer);
  const parsed = ErrorBody.safeParse(answer.json);
  if (!parsed.success) return [...problems, `body: ${answer.text.slice(0, 200)}`];
  const { code, retryAfterSeconds } = parsed.data.error;
  if (ERROR_STATUS[code] !== answer.status) problems.push(`status ${answer.status} for ${code}`);
  if (retryAfterSeconds !== undefined && answer.headers.get("retry-after") !== String(retryAfterSeconds)) {
    problems.push("retry-after header");
  }
  return problems;
}
