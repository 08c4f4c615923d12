import { isDecimalString } from "@creditkit/contract";
import { z } from "zod";
import type { PurchaseRecord } from "./store-types.ts";

/**
 * How a PurchaseRecord travels through a shared store: JSON, checked on the way back. A store
 * is outside this process (another deploy, an operator, a corrupted value), so what comes back
 * is parsed like any other input: a record that does not fit is a store failure (503), never
 * a half-trusted object deciding who owns a purchase.
 */
const StoredRecord = z.strictObject({
  purchaseId: z.string().min(1),
  customerId: z.string().min(1),
  entitlementId: z.string().min(1),
  invoiceId: z.string().min(1),
  credits: z.number().int().positive(),
  price: z.string().refine(isDecimalString),
  currency: z.string().min(1),
  packId: z.string().nullable(),
  paymentUrl: z.string().min(1),
  expiresAt: z.string().min(1),
  createdAt: z.string().min(1),
  upstreamKey: z.string().min(1),
  settledGrantId: z.string().min(1).optional(),
  paidAt: z.string().min(1).optional(),
  settledGrant: z
    .strictObject({
      id: z.string().min(1),
      amount: z.number(),
      effectiveAt: z.string().min(1),
      expiresAt: z.string().min(1).nullable(),
      voidedAt: z.string().min(1).nullable(),
      createdAt: z.string().min(1),
    })
    .optional(),
});

export class CorruptRecordError extends Error {
  override readonly name = "CorruptRecordError";
}

export function encodeRecord(record: PurchaseRecord): string {
  return JSON.stringify(record);
}

export function decodeRecord(text: string, expectedId: string): PurchaseRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CorruptRecordError(`the stored purchase ${expectedId} is not JSON`);
  }
  const parsed = StoredRecord.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(record)").join(", ");
    throw new CorruptRecordError(`the stored purchase ${expectedId} is malformed (${fields})`);
  }
  if (parsed.data.purchaseId !== expectedId) {
    throw new CorruptRecordError(`the record stored under ${expectedId} is another purchase`);
  }
  const { settledGrantId, paidAt, settledGrant, ...rest } = parsed.data;
  return {
    ...rest,
    ...(settledGrantId !== undefined && { settledGrantId }),
    ...(paidAt !== undefined && { paidAt }),
    ...(settledGrant !== undefined && { settledGrant }),
  };
}
