import { currencyMinorDigits, roundDecimal } from "@creditkit/contract";
import { type PurchaseGrantRequest, type PurchaseGrantResponse, toMinorUnits } from "@creditkit/paygentic";
import { invalidField } from "../http/api-error.ts";
import type { Runtime } from "../runtime.ts";
import type { EntitlementRecord, InvoiceRecord, PaymentSessionRecord } from "../store/records.ts";
import { admitNewGrant } from "./grants.ts";

type Purchase = PurchaseGrantRequest & { amount: number; price: string; idempotencyKey: string };

export function paymentPageUrl(rt: Runtime, sessionId: string): string {
  return `${rt.config.publicUrl}/portal/pay/${sessionId}`;
}

/**
 * `POST …/grants/purchase`: an ISSUED invoice and an open payment session, no grant until the
 * session is paid. A replayed key with the same parameters returns the original answer.
 */
export function purchaseGrant(rt: Runtime, ent: EntitlementRecord, body: Purchase): PurchaseGrantResponse {
  const admitted = admitNewGrant(rt, ent, "purchase", body);
  if ("replay" in admitted) return admitted.replay as PurchaseGrantResponse;
  const { now, print } = admitted;
  let expiresAt = now + rt.config.paymentExpiresInMs;
  if (body.paymentExpiresAt !== undefined) {
    expiresAt = Date.parse(body.paymentExpiresAt);
    if (expiresAt <= now) throw invalidField("paymentExpiresAt", "must be in the future");
  }

  const { store } = rt;
  const currency = store.merchant.currency;
  const minor = toMinorUnits(body.price, currency);
  const total = roundDecimal(body.price, currencyMinorDigits(currency));
  const invoiceId = rt.ids.next("inv");
  const sessionId = rt.ids.next("ps");
  const url = paymentPageUrl(rt, sessionId);
  const nowIso = new Date(now).toISOString();

  const invoice: InvoiceRecord = {
    id: invoiceId,
    customerId: ent.customerId,
    entitlementId: ent.id,
    sequenceNumber: store.nextInvoiceSequence(),
    status: "ISSUED",
    total,
    createdAt: nowIso,
    updatedAt: nowIso,
    paidAt: null,
    paymentInFlight: false,
    failureReason: undefined,
    grantAmount: body.amount,
    idempotencyKey: body.idempotencyKey,
    paymentSessionId: sessionId,
    grantId: undefined,
    cancelReason: undefined,
    transitions: [{ status: "ISSUED", at: nowIso }],
  };
  const session: PaymentSessionRecord = {
    id: sessionId,
    invoiceId,
    entitlementId: ent.id,
    status: "open",
    url,
    expiresAt,
    successUrl: body.successUrl,
    cancelUrl: body.cancelUrl,
    amount: minor,
    terms: {
      amount: body.amount,
      price: body.price,
      idempotencyKey: body.idempotencyKey,
      effectiveAt: body.effectiveAt,
      expiresAt: body.expiresAt,
      resetMaxRollover: body.resetMaxRollover,
      resetMinRollover: body.resetMinRollover,
    },
    authenticating: false,
    settlesAt: null,
  };
  store.invoices.set(invoiceId, invoice);
  store.sessions.set(sessionId, session);
  store.openSessions.add(session);

  const response: PurchaseGrantResponse = {
    object: "grant_purchase",
    invoiceId,
    entitlementId: ent.id,
    grantAmount: body.amount,
    price: body.price,
    currency: currency.toLowerCase(),
    paymentSessions: [{ url, expiresAt: new Date(expiresAt).toISOString(), amount: minor }],
  };
  ent.idempotency.set(body.idempotencyKey, { kind: "purchase", fingerprint: print, body: response });
  return response;
}
