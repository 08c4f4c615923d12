import type * as contract from "@creditkit/contract";
import { CURRENCY_PATTERN, ERROR_CODES, PURCHASE_ID_PATTERN, PURCHASE_STATUSES } from "@creditkit/contract";
import { z } from "zod";

/**
 * The BFF's answers as strict runtime schemas, for the tests that check real responses. Each one is
 * tied to its type in @creditkit/contract (`shapeOf<contract.X>()`): a field added, removed or
 * retyped on one side and not the other fails to compile, so these schemas and the types the widget
 * is built on cannot drift. The rules the types cannot say (decimal strings, date-times, the id
 * pattern, status by code) come from packages/server/README.md's route reference.
 */

/**
 * Returns the schema unchanged when its output and T are assignable both ways and have the same keys
 * (an extra optional key would pass assignability); a compile error otherwise.
 */
function shapeOf<T>() {
  return <S extends z.ZodType>(schema: S & Same<z.output<S>, T>): S & z.ZodType<T> => schema as S & z.ZodType<T>;
}
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never]
      ? unknown
      : "has other keys than the contract type"
    : "lacks a field of the contract type"
  : "breaks the contract type";

const Decimal = z.string().regex(/^\d+\.\d+$/);
const DateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date-time");
const PurchaseId = z.string().regex(PURCHASE_ID_PATTERN);

const codes = Object.keys(ERROR_CODES) as [contract.ErrorCode, ...contract.ErrorCode[]];

export const ErrorBody = shapeOf<contract.ErrorBody>()(
  z.strictObject({
    error: z.strictObject({
      code: z.enum(codes),
      message: z.string().min(1),
      field: z.string().min(1).optional(),
      issues: z.array(z.strictObject({ field: z.string().min(1), message: z.string().min(1) })).optional(),
      retryAfterSeconds: z.number().int().positive().optional(),
    }),
  }),
);

export const GrantView = shapeOf<contract.GrantView>()(
  z.strictObject({
    id: z.string().min(1),
    amount: z.number(),
    effectiveAt: DateTime,
    expiresAt: DateTime.nullable(),
    voidedAt: DateTime.nullable(),
    createdAt: DateTime,
    status: z.enum(["active", "scheduled", "expired", "voided"]),
    source: z.enum(["purchase", "plan", "promotional", "adjustment", "other"]),
    purchaseId: PurchaseId.nullable(),
  }),
);

export const BalanceBody = shapeOf<contract.BalanceBody>()(
  z.strictObject({
    entitlementId: z.string().min(1),
    balance: z.number(),
    usageInPeriod: z.number(),
    overage: z.number(),
    hasAccess: z.boolean(),
    isSoftLimit: z.boolean(),
    currentPeriodStart: DateTime.nullable(),
    currentPeriodEnd: DateTime.nullable(),
  }),
);

export const GrantsBody = shapeOf<contract.GrantsPageBody>()(
  z.strictObject({
    grants: z.array(GrantView),
    pagination: z.strictObject({
      limit: z.number().int().min(1).max(100),
      offset: z.number().int().min(0),
      total: z.number().int().min(0),
    }),
  }),
);

export const CatalogBody = shapeOf<contract.CatalogBody>()(
  z.strictObject({
    currency: z.string().regex(CURRENCY_PATTERN),
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
  }),
);

export const CreatedPurchaseBody = shapeOf<contract.PurchaseCreatedBody>()(
  z.strictObject({
    purchaseId: PurchaseId,
    paymentUrl: z.url({ protocol: /^https?$/ }),
    expiresAt: DateTime,
    credits: z.number().int().positive(),
    price: Decimal,
    currency: z.string().regex(CURRENCY_PATTERN),
    packId: z.string().nullable(),
  }),
);

export const PurchaseStatusBody = shapeOf<contract.PurchaseStatusBody>()(
  z.strictObject({
    purchaseId: PurchaseId,
    status: z.enum(PURCHASE_STATUSES),
    credits: z.number().int().positive(),
    price: Decimal,
    currency: z.string().regex(CURRENCY_PATTERN),
    packId: z.string().nullable(),
    createdAt: DateTime,
    expiresAt: DateTime,
    paidAt: DateTime.nullable(),
    paymentUrl: z.url({ protocol: /^https?$/ }).nullable(),
    grant: GrantView.nullable(),
  }),
);

export const AdminCustomerBody = shapeOf<contract.AdminCustomerBody>()(
  z.strictObject({
    customer: z.strictObject({
      customerId: z.string().min(1),
      externalId: z.string().nullable(),
      name: z.string().nullable(),
    }),
    balance: BalanceBody,
    grants: GrantsBody,
  }),
);

export const AdminGrantBody = shapeOf<contract.AdminGrantBody>()(
  z.strictObject({ grant: GrantView, replayed: z.boolean() }),
);

export const AdminVoidBody = shapeOf<contract.AdminVoidBody>()(
  z.strictObject({ grant: GrantView, alreadyVoided: z.boolean() }),
);

export const AdminRefundBody = shapeOf<contract.AdminRefundBody>()(
  z.strictObject({
    purchaseId: PurchaseId,
    invoiceId: z.string().min(1),
    credits: z.number().int().positive(),
    price: Decimal,
    currency: z.string().regex(CURRENCY_PATTERN),
    void: z.strictObject({ grantId: z.string().min(1), outcome: z.enum(["voided", "already_voided"]) }),
    refund: z.strictObject({
      outcome: z.enum(["refunded", "already_refunded", "failed"]),
      refundId: z.string().min(1).nullable(),
      total: Decimal.nullable(),
    }),
  }),
);

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
  if (ERROR_CODES[code] !== answer.status) problems.push(`status ${answer.status} for ${code}`);
  if (retryAfterSeconds !== undefined && answer.headers.get("retry-after") !== String(retryAfterSeconds)) {
    problems.push("retry-after header");
  }
  return problems;
}
