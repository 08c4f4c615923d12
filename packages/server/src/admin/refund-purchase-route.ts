import type { AdminReasonRequest, AdminRefundBody, AdminRefundFailedBody } from "@creditkit/contract";
import { type Grant, type InvoiceRefund, isPaygenticError } from "@creditkit/paygentic";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";
import { findPurchaseGrant } from "../routes/get-purchase-route.ts";
import type { PurchaseRecord } from "../store/store-types.ts";
import { toApiError } from "../upstream-errors.ts";
import { orNotFound } from "./admin-entitlement.ts";
import type { AuditFacts } from "./audit.ts";

type Ctx = RouteContext<{ customerId: string; purchaseId: string }, unknown, unknown, AdminReasonRequest>;

/**
 * POST /customers/{customerId}/purchases/{purchaseId}/refund: takes the purchase's credits back
 * and gives the money back, in that order.
 *
 * 1. The purchase must be ours (a record in the store), this customer's, PAID and credited.
 * 2. Its grant is voided first (skipped when it is void already). If that fails, nothing was
 *    refunded: the customer never keeps credits for a refunded payment.
 * 3. Only then is the invoice refunded. If THAT fails, the answer is 502 `upstream_refund_failed`
 *    carrying both outcomes; the same request again finds the grant void and only refunds.
 *
 * A refund issued already (here or in Paygentic's dashboard) is never issued twice: the invoice's
 * refunds are read first, and a purchase refunded and voided is 409 `already_refunded`.
 */
export function createRefundPurchase() {
  // Two clicks on Refund at once share one run, so they cannot race to two refund calls.
  const inflight = new Map<string, { run: Promise<Response>; facts: AuditFacts }>();
  return async function refundPurchase(ctx: Ctx, facts: AuditFacts): Promise<Response> {
    const { purchaseId } = ctx.params;
    let running = inflight.get(purchaseId);
    if (!running) {
      running = { run: refund(ctx, facts), facts };
      inflight.set(purchaseId, running);
    }
    try {
      return (await running.run).clone();
    } finally {
      // The joiner's audit line tells what the shared run did.
      if (running.facts !== facts) Object.assign(facts, { ...running.facts, actorId: facts.actorId });
      if (inflight.get(purchaseId) === running) inflight.delete(purchaseId);
    }
  };
}

async function refund(ctx: Ctx, facts: AuditFacts): Promise<Response> {
  const { customerId, purchaseId } = ctx.params;
  const reason = ctx.body.reason;
  Object.assign(facts, { customerId, purchaseId, reason });
  const record = await ctx.config.store.getPurchase(purchaseId);
  // Another customer's purchase answers exactly as a missing one.
  if (!record || record.customerId !== customerId) {
    throw new ApiError("not_found", "This customer has no such purchase (or its record has expired).");
  }
  Object.assign(facts, {
    entitlementId: record.entitlementId,
    invoiceId: record.invoiceId,
    amount: record.credits,
    price: record.price,
    currency: record.currency,
  });

  const invoice = await ctx.client.invoices.get(record.invoiceId);
  if (invoice.customerId !== customerId) {
    ctx.config.logger.error("invoice belongs to another customer than its purchase", { invoiceId: record.invoiceId });
    throw new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
  }
  if (invoice.status !== "PAID") {
    throw new ApiError(
      "purchase_not_refundable",
      `This purchase is not paid (its invoice is ${invoice.status}): there is nothing to refund.`,
    );
  }
  const grant = await purchaseGrant(ctx, record);
  if (!grant) {
    throw new ApiError("purchase_not_refundable", "This purchase is paid but not credited yet. Try again in a moment.");
  }
  facts.grantId = grant.id;
  const issued = (await ctx.client.invoices.refunds(record.invoiceId)).data.find((r) => r.status === "ISSUED");
  if (issued && grant.voidedAt) {
    facts.refundId = issued.id;
    throw new ApiError("already_refunded", "This purchase has been refunded already, and its credits taken back.");
  }

  // Step 1: the credits. Voiding is idempotent upstream, but a void one is not voided again.
  const voidOutcome = grant.voidedAt ? "already_voided" : "voided";
  if (!grant.voidedAt)
    await orNotFound(ctx.client.grants.void(record.entitlementId, grant.id), "There is no such grant.");
  ctx.entitlements.invalidate(customerId);

  // Step 2: the money, only now.
  const base = {
    purchaseId,
    invoiceId: record.invoiceId,
    credits: record.credits,
    price: record.price,
    currency: record.currency,
    void: { grantId: grant.id, outcome: voidOutcome },
  } satisfies Omit<AdminRefundBody, "refund">;
  let refund: InvoiceRefund;
  try {
    refund = issued ?? (await issueRefund(ctx, record, reason));
  } catch (error) {
    const apiError = toApiError(error, ctx.config.logger);
    facts.outcome = "partial";
    facts.error = apiError?.code ?? "internal_error";
    if (!apiError) ctx.config.logger.error("refund failed unexpectedly", { purchaseId, error: String(error) });
    const body: AdminRefundFailedBody = {
      error: {
        code: "upstream_refund_failed",
        message:
          "The credits were taken back, but the payment provider did not refund the payment. " +
          "Try the refund again: the credits will not be taken twice.",
      },
      ...base,
      refund: { outcome: "failed", refundId: null, total: null },
    };
    return json<AdminRefundFailedBody>(502, body);
  }
  facts.refundId = refund.id;
  return json<AdminRefundBody>(200, {
    ...base,
    refund: { outcome: issued ? "already_refunded" : "refunded", refundId: refund.id, total: refund.total },
  });
}

/** The purchase's grant, live: the settled one named in the record, else found by its key. */
async function purchaseGrant(ctx: Ctx, record: PurchaseRecord): Promise<Grant | null> {
  if (record.settledGrantId) {
    const grant = await ctx.client.grants.get(record.entitlementId, record.settledGrantId);
    if (grant.idempotencyKey === record.upstreamKey) return grant;
  }
  return findPurchaseGrant(ctx.client, record);
}

/**
 * The refund call has no idempotency key and is never retried blindly. If it fails in a way that
 * may have reached Paygentic (a timeout, a refusal because it is refunded already), the refunds
 * are read again: a refund that did happen counts as done.
 */
async function issueRefund(ctx: Ctx, record: PurchaseRecord, reason: string): Promise<InvoiceRefund> {
  try {
    return await ctx.client.invoices.refund(record.invoiceId, { reason });
  } catch (error) {
    if (!isPaygenticError(error) || error.kind === "invalid_request") throw error;
    const again = await ctx.client.invoices.refunds(record.invoiceId).catch(() => null);
    const issued = again?.data.find((r) => r.status === "ISSUED");
    if (issued) return issued;
    throw error;
  }
}
