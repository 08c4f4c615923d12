import type { PurchaseStatus, PurchaseStatusBody } from "@creditkit/contract";
import type { Grant, Invoice, PaygenticClient } from "@creditkit/paygentic";
import { settledGrantOf, settledGrantView } from "../grant-view.ts";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import { purchaseRecordTtl } from "../purchase-record-ttl.ts";
import { derivePurchaseStatus } from "../purchase-status.ts";
import type { RouteContext } from "../router.ts";
import type { PurchaseRecord, SettledGrant } from "../store/store-types.ts";

type Ctx = RouteContext<{ purchaseId: string }, unknown, unknown, unknown>;

/** How far down the grant list a purchase's grant is looked for (it is among the newest). */
const MAX_GRANT_PAGES = 5;

/**
 * The default `purchaseStatusCacheMs`: a fresh upstream answer about an unsettled
 * purchase is reused this long by every caller on every instance (the store is shared), and one
 * purchase is read upstream at most this often, however many tabs watch it.
 */
export const DEFAULT_PURCHASE_STATUS_CACHE_MS = 1000;
/** How often a caller that lost the read to another instance looks for its answer. */
const CACHE_POLL_MS = 50;

/**
 * GET /purchases/{purchaseId}: the outcome of one purchase, for the return flow. A purchase that
 * is missing and one of another customer answer the same 404, so ids cannot be probed.
 *
 * Cost (issue 13): a settled purchase whose grant has been verified is answered from the store
 * alone; otherwise a fresh answer (at most purchaseStatusCacheMs old) is shared through the
 * store, concurrent callers in this process share one upstream read, and across instances one
 * lease per purchase per second decides who reads.
 */
export async function getPurchase(ctx: Ctx): Promise<Response> {
  const { config } = ctx;
  let record = await config.store.getPurchase(ctx.params.purchaseId);
  if (!record || record.customerId !== ctx.customer!.customerId) {
    throw new ApiError("not_found", "There is no such purchase.");
  }

  // Settled and verified: paid is final, and everything shown is in the record.
  if (record.settledGrantId && record.settledGrant?.id === record.settledGrantId) {
    return respond(ctx, record, "paid", record.paidAt ?? record.settledGrant.createdAt, record.settledGrant, null);
  }

  // Settled by a webhook, not yet verified: the grant is read once.
  if (record.settledGrantId) {
    const grant = await ctx.client.grants.get(record.entitlementId, record.settledGrantId);
    // A webhook names the grant; it is credited only if it carries this purchase's key. Otherwise
    // (a misrouted or wrong event) the settlement is dropped and the invoice decides, as unsettled.
    if (grant.idempotencyKey === record.upstreamKey) {
      const verified = { ...record, settledGrant: settledGrantOf(grant) };
      await config.store.putPurchase(verified, purchaseRecordTtl(record, config.now()));
      return respond(ctx, verified, "paid", record.paidAt ?? grant.createdAt, verified.settledGrant, null);
    }
    config.logger.error("a settled purchase names a grant that is not its own; checking the invoice", {
      purchaseId: record.purchaseId,
      grantId: record.settledGrantId,
    });
    const { settledGrantId: _grant, paidAt: _paidAt, settledGrant: _snapshot, ...unsettled } = record;
    record = unsettled;
    await config.store.putPurchase(record, purchaseRecordTtl(record, config.now()));
  }

  const unsettled = record;
  const cacheKey = `purchase-status:${unsettled.purchaseId}`;
  if (config.purchaseStatusCacheMs > 0) {
    const cached = cachedStatus(ctx, await config.store.getCached(cacheKey), unsettled.purchaseId);
    if (cached) return json<PurchaseStatusBody>(200, cached);
  }
  const body = await ctx.reads.shared(`${unsettled.customerId}\npurchase:${unsettled.purchaseId}`, () =>
    checkUpstream(ctx, unsettled, cacheKey),
  );
  return json<PurchaseStatusBody>(200, body);
}

/** Reads the purchase's invoice (and grant) upstream, unless another instance is doing it right now. */
async function checkUpstream(ctx: Ctx, record: PurchaseRecord, cacheKey: string): Promise<PurchaseStatusBody> {
  const { config } = ctx;
  const cacheMs = config.purchaseStatusCacheMs;
  const leader = cacheMs === 0 || (await config.store.markOnce(`purchase-read:${record.purchaseId}`, cacheMs / 1000));
  if (!leader) {
    // Another instance (or an earlier request here) read it within the last second: its answer
    // lands in the cache. Wait for it, within the request's deadline; if it never comes (that read
    // failed), read it ourselves.
    const waitUntil = Math.min(Date.now() + cacheMs, ctx.deadline);
    while (Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, CACHE_POLL_MS));
      const cached = cachedStatus(ctx, await config.store.getCached(cacheKey), record.purchaseId);
      if (cached) return cached;
      const now = await config.store.getPurchase(record.purchaseId);
      if (now?.settledGrant && now.settledGrant.id === now.settledGrantId) {
        return body(ctx, now, "paid", now.paidAt ?? now.settledGrant.createdAt, now.settledGrant, null);
      }
    }
  }

  await ctx.reads.charge(record.customerId);
  const invoice = await ctx.client.invoices.get(record.invoiceId);
  if (invoice.customerId !== record.customerId) {
    config.logger.error("invoice belongs to another customer than its purchase", { invoiceId: record.invoiceId });
    throw new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
  }
  const grant = invoice.status === "PAID" ? await findPurchaseGrant(ctx.client, record) : null;
  const status = derivePurchaseStatus(invoice, grant !== null, record.expiresAt, config.now());

  if (status === "paid" && grant) {
    const paidAt = invoice.paidAt ?? grant.createdAt;
    const settled = { ...record, settledGrantId: grant.id, paidAt, settledGrant: settledGrantOf(grant) };
    await config.store.putPurchase(settled, purchaseRecordTtl(record, config.now()));
    ctx.entitlements.invalidate(record.customerId);
    return body(ctx, settled, status, paidAt, settled.settledGrant, invoice);
  }
  const answer = body(ctx, record, status, null, null, invoice);
  if (cacheMs > 0) await config.store.putCached(cacheKey, JSON.stringify(answer), cacheMs);
  return answer;
}

/**
 * A cached answer, if it is one about this purchase. The store is outside this process (a shared
 * Redis): anything else found under the key is logged and treated as no answer, never sent on.
 */
function cachedStatus(ctx: Ctx, text: string | null, purchaseId: string): PurchaseStatusBody | null {
  if (text === null) return null;
  try {
    const body = JSON.parse(text) as Partial<PurchaseStatusBody> | null;
    if (body && typeof body === "object" && body.purchaseId === purchaseId && typeof body.status === "string") {
      return body as PurchaseStatusBody;
    }
  } catch {
    // not JSON: below
  }
  ctx.config.logger.error("ignored a cached purchase status that is not about this purchase", { purchaseId });
  return null;
}

function respond(
  ctx: Ctx,
  record: PurchaseRecord,
  status: PurchaseStatus,
  paidAt: string | null,
  grant: SettledGrant | null,
  invoice: Invoice | null,
): Response {
  return json<PurchaseStatusBody>(200, body(ctx, record, status, paidAt, grant, invoice));
}

function body(
  ctx: Ctx,
  record: PurchaseRecord,
  status: PurchaseStatus,
  paidAt: string | null,
  grant: SettledGrant | null,
  invoice: Invoice | null,
): PurchaseStatusBody {
  // The payment page is offered again only while it can still take a payment.
  const resumable = status === "pending" && invoice !== null && invoice.status !== "PAID" && !invoice.paymentInFlight;
  return {
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
    grant: status === "paid" && grant ? settledGrantView(grant, record, ctx.config.now()) : null,
  };
}

/** The grant Paygentic created for this purchase: the one carrying its idempotency key. */
export async function findPurchaseGrant(client: PaygenticClient, record: PurchaseRecord): Promise<Grant | null> {
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
