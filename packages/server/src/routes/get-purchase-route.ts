import type { PurchaseStatus, PurchaseStatusBody } from "@creditkit/contract";
import type { Grant, Invoice, PaygenticClient } from "@creditkit/paygentic";
import { toGrantView } from "../grant-view.ts";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import { purchaseRecordTtl } from "../purchase-record-ttl.ts";
import { derivePurchaseStatus } from "../purchase-status.ts";
import type { RouteContext } from "../router.ts";
import type { PurchaseRecord } from "../store/store-types.ts";

type Ctx = RouteContext<{ purchaseId: string }, unknown, unknown, unknown>;

/** How far down the grant list a purchase's grant is looked for (it is among the newest). */
const MAX_GRANT_PAGES = 5;

/**
 * GET /purchases/{purchaseId}: the outcome of one purchase, for the return flow. A purchase that
 * is missing and one of another customer answer the same 404, so ids cannot be probed.
 */
export async function getPurchase(ctx: Ctx): Promise<Response> {
  const { config } = ctx;
  let record = await config.store.getPurchase(ctx.params.purchaseId);
  if (!record || record.customerId !== ctx.customer!.customerId) {
    throw new ApiError("not_found", "There is no such purchase.");
  }

  // Settled (by a webhook or an earlier poll): paid is final, only the grant is re-read.
  if (record.settledGrantId) {
    const grant = await ctx.client.grants.get(record.entitlementId, record.settledGrantId);
    // A webhook names the grant; it is credited only if it carries this purchase's key. Otherwise
    // (a misrouted or wrong event) the settlement is dropped and the invoice decides, as unsettled.
    if (grant.idempotencyKey === record.upstreamKey) {
      return respond(ctx, record, "paid", record.paidAt ?? grant.createdAt, grant, null);
    }
    config.logger.error("a settled purchase names a grant that is not its own; checking the invoice", {
      purchaseId: record.purchaseId,
      grantId: record.settledGrantId,
    });
    const { settledGrantId: _grant, paidAt: _paidAt, ...unsettled } = record;
    record = unsettled;
    await config.store.putPurchase(record, purchaseRecordTtl(record, config.now()));
  }

  const invoice = await ctx.client.invoices.get(record.invoiceId);
  if (invoice.customerId !== record.customerId) {
    config.logger.error("invoice belongs to another customer than its purchase", { invoiceId: record.invoiceId });
    throw new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
  }
  const grant = invoice.status === "PAID" ? await findPurchaseGrant(ctx.client, record) : null;
  const status = derivePurchaseStatus(invoice, grant !== null, record.expiresAt, config.now());

  if (status === "paid" && grant) {
    const paidAt = invoice.paidAt ?? grant.createdAt;
    await config.store.putPurchase(
      { ...record, settledGrantId: grant.id, paidAt },
      purchaseRecordTtl(record, config.now()),
    );
    ctx.entitlements.invalidate(record.customerId);
    return respond(ctx, record, status, paidAt, grant, invoice);
  }
  return respond(ctx, record, status, null, null, invoice);
}

function respond(
  ctx: Ctx,
  record: PurchaseRecord,
  status: PurchaseStatus,
  paidAt: string | null,
  grant: Grant | null,
  invoice: Invoice | null,
): Response {
  // The payment page is offered again only while it can still take a payment.
  const resumable = status === "pending" && invoice !== null && invoice.status !== "PAID" && !invoice.paymentInFlight;
  return json<PurchaseStatusBody>(200, {
    purchaseId: record.purchaseId,
    status,
    credits: record.credits,
    price: record.price,
    currency: record.currency,
    packId: record.packId,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    paidAt: status === "paid" ? paidAt : null,
    paymentUrl: resumable ? record.paymentUrl : null,
    grant: status === "paid" && grant ? toGrantView(grant, ctx.config.now()) : null,
  });
}

/** The grant Paygentic created for this purchase: the one carrying its idempotency key. */
async function findPurchaseGrant(client: PaygenticClient, record: PurchaseRecord): Promise<Grant | null> {
  const limit = 100;
  for (let page = 0; page < MAX_GRANT_PAGES; page++) {
    const offset = page * limit;
    const list = await client.grants.list(record.entitlementId, { limit, offset, includeVoided: true });
    const found = list.data.find((g) => g.idempotencyKey === record.upstreamKey);
    if (found) return found;
    if (list.data.length < limit || offset + list.data.length >= list.pagination.total) return null;
  }
  return null;
}
