import {
  ATTEMPT_KEY_HEADER,
  compareDecimal,
  type PurchaseCreatedBody,
  type PurchaseSelection,
} from "@creditkit/contract";
import type { PurchaseGrantResponse } from "@creditkit/paygentic";
import type { ResolvedCustomer } from "../config/config-types.ts";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import { isAllowedPaymentUrl, returnUrl } from "../payment-url.ts";
import { type PricedPurchase, pricePurchase } from "../pricing.ts";
import { derivePurchaseKeys, type PurchaseKeys } from "../purchase-keys.ts";
import { purchaseRecordTtl } from "../purchase-record-ttl.ts";
import { assertWithinPurchaseLimit } from "../rate-limiter.ts";
import type { RouteContext } from "../router.ts";
import type { PurchaseRecord } from "../store/store-types.ts";
import { toApiError } from "../upstream-errors.ts";

type Ctx = RouteContext<unknown, unknown, { [ATTEMPT_KEY_HEADER]: string }, PurchaseSelection>;

/** Paygentic's default session lifetime, used when its answer carries no expiry. */
const DEFAULT_SESSION_MS = 24 * 60 * 60 * 1000;

/**
 * POST /purchases. The browser sends only a pack id or a credit count and an attempt key; the
 * price, the entitlement, the return URLs and the upstream idempotency key are all decided here.
 * The same attempt key answers the same purchase (one invoice upstream) however often it is sent.
 */
export async function createPurchase(ctx: Ctx): Promise<Response> {
  const customer = ctx.customer!;
  const priced = pricePurchase(ctx.config.catalog, ctx.body);
  const keys = await derivePurchaseKeys(customer.customerId, ctx.headers[ATTEMPT_KEY_HEADER]);

  const existing = await ctx.config.store.getPurchase(keys.purchaseId);
  if (existing) return answer(existing, priced, customer, true);

  // A double click arrives as two concurrent requests: the second waits for the first.
  const inflight = ctx.inflightPurchases.get(keys.purchaseId);
  if (inflight) return answer(await inflight, priced, customer, true);

  const creation = startPurchase(ctx, customer, priced, keys);
  ctx.inflightPurchases.set(keys.purchaseId, creation);
  try {
    return answer(await creation, priced, customer, false);
  } finally {
    ctx.inflightPurchases.delete(keys.purchaseId);
  }
}

function answer(record: PurchaseRecord, priced: PricedPurchase, customer: ResolvedCustomer, replayed: boolean) {
  if (
    record.customerId !== customer.customerId ||
    record.packId !== priced.packId ||
    record.credits !== priced.credits
  ) {
    throw new ApiError("idempotency_conflict", "This Idempotency-Key was already used for a different purchase.");
  }
  const body: PurchaseCreatedBody = {
    purchaseId: record.purchaseId,
    paymentUrl: record.paymentUrl,
    expiresAt: record.expiresAt,
    credits: record.credits,
    price: record.price,
    currency: record.currency,
    packId: record.packId,
  };
  return json<PurchaseCreatedBody>(201, body, replayed ? { "idempotent-replayed": "true" } : {});
}

async function startPurchase(
  ctx: Ctx,
  customer: ResolvedCustomer,
  priced: PricedPurchase,
  keys: PurchaseKeys,
): Promise<PurchaseRecord> {
  const { config } = ctx;
  await ctx.entitlements.get(customer, ctx.client); // proves the entitlement is this customer's, before money moves
  await assertWithinPurchaseLimit(config.store, customer.customerId, config.rateLimit, config.now);

  let upstream: PurchaseGrantResponse;
  try {
    upstream = await ctx.client.grants.purchase(customer.entitlementId, {
      amount: priced.credits,
      price: priced.price,
      idempotencyKey: keys.upstreamKey,
      successUrl: returnUrl(config.publicOrigin, config.returnPath, keys.purchaseId, "success"),
      cancelUrl: returnUrl(config.publicOrigin, config.returnPath, keys.purchaseId, "cancelled"),
    });
  } catch (error) {
    throw toApiError(error, config.logger, { conflictIsIdempotency: true }) ?? error;
  }

  const session = checkUpstreamPurchase(ctx, customer, priced, upstream);
  const now = config.now();
  const expiresAt = session.expiresAt ?? new Date(now.getTime() + DEFAULT_SESSION_MS).toISOString();
  const record: PurchaseRecord = {
    purchaseId: keys.purchaseId,
    customerId: customer.customerId,
    entitlementId: customer.entitlementId,
    invoiceId: upstream.invoiceId,
    credits: priced.credits,
    price: priced.price,
    currency: priced.currency,
    packId: priced.packId,
    paymentUrl: session.url,
    expiresAt,
    createdAt: now.toISOString(),
    upstreamKey: keys.upstreamKey,
  };
  await config.store.putPurchase(record, purchaseRecordTtl(record, now));
  config.logger.info("purchase created", { purchaseId: record.purchaseId, invoiceId: record.invoiceId });
  return record;
}

/** Paygentic must have sold exactly what we asked, and its payment page must be on an allowed host. */
function checkUpstreamPurchase(
  ctx: Ctx,
  customer: ResolvedCustomer,
  priced: PricedPurchase,
  up: PurchaseGrantResponse,
) {
  const { logger, paymentHosts } = ctx.config;
  const session = up.paymentSessions[0];
  if (up.currency.toUpperCase() !== priced.currency) {
    // Paygentic charges in the account's currency, not one we send, so the catalog must be in it.
    // Only an invoice tells (no earlier read names the account's currency); it is left to expire.
    const paygentic = up.currency.toUpperCase();
    logger.error(
      `currency mismatch: the Paygentic account charges in ${paygentic}, the catalog's currency is ${priced.currency}. Set catalog.currency to ${paygentic} (and the prices in it), or use a Paygentic account in ${priced.currency}`,
      { invoiceId: up.invoiceId, catalogCurrency: priced.currency, paygenticCurrency: paygentic },
    );
    throw new ApiError(
      "upstream_currency_mismatch",
      `The payment provider charges in ${paygentic}, but this shop's prices are in ${priced.currency}.`,
    );
  }
  const mismatch =
    up.entitlementId !== customer.entitlementId ||
    up.grantAmount !== priced.credits ||
    compareDecimal(up.price, priced.price) !== 0 ||
    session === undefined;
  if (mismatch) {
    logger.error("Paygentic's purchase answer does not match the request", {
      invoiceId: up.invoiceId,
      grantAmount: up.grantAmount,
      price: up.price,
      currency: up.currency,
      sessions: up.paymentSessions.length,
    });
    throw new ApiError("upstream_invalid_response", "The payment provider sent an answer we could not understand.");
  }
  if (!isAllowedPaymentUrl(session.url, paymentHosts)) {
    logger.warn("payment URL refused: its origin is not in paymentHosts", {
      invoiceId: up.invoiceId,
      origin: originOf(session.url),
    });
    throw new ApiError("payment_url_rejected", "The payment page is not on an allowed payment host.");
  }
  return session;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(unparseable)";
  }
}
