import { InvoicePaidEvent, WebhookEnvelope } from "@creditkit/paygentic";
import { Webhook } from "svix";
import { ApiError } from "../http/api-error.ts";
import { json } from "../http/respond.ts";
import { validationFailure } from "../http/zod-issues.ts";
import { purchaseRecordTtl } from "../purchase-record-ttl.ts";
import type { RouteContext } from "../router.ts";

type Ctx = RouteContext<unknown, unknown, unknown, string>;

/** Svix retries for about a day; remembering ids for a week covers every redelivery. */
const DEDUPE_SECONDS = 7 * 24 * 60 * 60;

/**
 * POST /webhooks/paygentic: Svix-signed `invoice.paid.v0`. The signature (and its 5-minute
 * timestamp window) is checked on the raw bytes before anything is parsed; each svix-id is
 * answered once (later deliveries of it are `duplicate`). A paid event settles our purchase record so
 * status answers `paid` at once.
 */
export async function receiveWebhook(ctx: Ctx): Promise<Response> {
  const { config } = ctx;
  if (!config.webhookSecret) throw new ApiError("not_found", "There is nothing here.");

  const headers = ctx.request.headers;
  const svixId = headers.get("svix-id");
  let payload: unknown;
  try {
    payload = new Webhook(config.webhookSecret).verify(ctx.body, {
      "svix-id": svixId ?? "",
      "svix-timestamp": headers.get("svix-timestamp") ?? "",
      "svix-signature": headers.get("svix-signature") ?? "",
    });
  } catch (error) {
    reportRefusedSignature(ctx, svixId, error);
    throw new ApiError("invalid_signature", "The webhook signature is missing, invalid or too old.");
  }

  const envelope = WebhookEnvelope.safeParse(payload);
  if (!envelope.success) throw validationFailure(envelope.error);
  if (envelope.data.eventType !== "invoice.paid.v0") return json(200, { received: true, ignored: true });
  const event = InvoicePaidEvent.safeParse(payload);
  if (!event.success) throw validationFailure(event.error);

  const { invoiceId, grantId, paidAt } = event.data.data;
  const record = await config.store.getPurchaseByInvoice(invoiceId);
  // Settling is idempotent (a settled record is left as it is), so a redelivery may repeat it.
  if (record && grantId && !record.settledGrantId) {
    const settled = { ...record, settledGrantId: grantId, paidAt: paidAt ?? config.now().toISOString() };
    await config.store.putPurchase(settled, purchaseRecordTtl(record, config.now()));
    config.logger.info("purchase settled by webhook", { purchaseId: record.purchaseId, grantId });
  }
  // Marked seen only now, after the write succeeded: if the store failed above, the delivery answers
  // 503 unmarked and Svix's retry settles the purchase (marking first lost it as a "duplicate").
  if (!(await config.store.markOnce(`webhook:${svixId}`, DEDUPE_SECONDS))) {
    return json(200, { received: true, duplicate: true });
  }
  if (!record) return json(200, { received: true, ignored: true }); // not one of ours, or long expired
  ctx.entitlements.invalidate(record.customerId);
  return json(200, { received: true });
}

/**
 * A refused delivery is silent for the customer (polling still credits the purchase), so the log is
 * where a wrong signing secret shows: a signature that is there but matches no secret most often
 * means `webhookSecret` is not the endpoint's secret. One line a minute (anyone can post here), and
 * never the secret or the signature.
 */
function reportRefusedSignature(ctx: Ctx, svixId: string | null, error: unknown): void {
  const held = ctx.config.diagnostics.take("webhook-signature");
  if (held === null) return;
  const reason = error instanceof Error ? error.message : "";
  const fields = { svixId, heldBack: held };
  if (/no matching signature/i.test(reason)) {
    ctx.config.logger.warn(
      "webhook refused: its signature does not match. The webhook signing secret (webhookSecret) may be wrong: copy it again from the Paygentic endpoint that sends these events",
      fields,
    );
  } else if (/timestamp/i.test(reason)) {
    ctx.config.logger.warn(
      "webhook refused: its timestamp is outside the 5-minute tolerance (a replay, or this server's clock is off)",
      fields,
    );
  } else {
    ctx.config.logger.warn(
      "webhook refused: the svix-id, svix-timestamp or svix-signature header is missing or malformed",
      fields,
    );
  }
}
