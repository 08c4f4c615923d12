import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PaymentSessionId } from "../control/control-routes.ts";
import { actOnSession, expireDueSessions, type SessionAction } from "../domain/payment-sessions.ts";
import type { EmulatorCore } from "../emulator-core.ts";
import { sendJson, sendText } from "../http/send.ts";
import type { InvoiceRecord, PaymentSessionRecord } from "../store/records.ts";
import { type PageModel, type PageState, renderPaymentPage } from "./payment-page.ts";

/** The page's buttons: each posts to /portal/pay/{id}/{action}. */
const ACTIONS: Record<string, SessionAction> = {
  pay: "complete",
  decline: "decline",
  "insufficient-funds": "insufficient_funds",
  authenticate: "authenticate",
  "authentication-confirm": "authentication_confirm",
  "authentication-fail": "authentication_fail",
  hold: "hold",
  cancel: "cancel",
};
const ROUTE = new RegExp(`^/portal/pay/([^/]+)(?:/(${Object.keys(ACTIONS).join("|")}))?$`);

function pageState(session: PaymentSessionRecord, invoice: InvoiceRecord): PageState {
  if (session.status === "open") {
    if (session.authenticating) return "authenticating";
    return invoice.status === "PAYMENT_FAILED" ? "declined" : "open";
  }
  return session.status;
}

function sendPage(res: ServerResponse, status: number, model: PageModel): void {
  const nonce = randomBytes(16).toString("base64");
  const csp = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
  // No form-action: the 303 after Pay/Cancel goes to the merchant's own origin, and browsers
  // apply form-action to redirects too. No frame-ancestors: merchants may embed the page.
  sendText(res, status, renderPaymentPage(model, nonce), "text/html; charset=utf-8", {
    "content-security-policy": csp,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
}

/**
 * The hosted payment page: GET shows the session; POST …/pay|decline|cancel acts on it and
 * answers 303 to the next page (or JSON for the iframe script, which asks for it).
 */
export async function handlePortal(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  req.resume();
  const { rt } = core;
  const method = req.method ?? "GET";
  const match = ROUTE.exec(pathname);
  const id = match?.[1] ?? "";
  const action = match?.[2];
  const merchantName = rt.store.merchant.name;
  const notFoundModel: PageModel = {
    state: "not_found",
    merchantName,
    sessionId: "",
    invoiceId: "",
    credits: 0,
    total: "0",
    currency: rt.store.merchant.currency,
    successUrl: undefined,
    cancelUrl: undefined,
    failureReason: undefined,
  };
  if (!match) return sendPage(res, 404, notFoundModel);
  if ((action === undefined && method !== "GET" && method !== "HEAD") || (action !== undefined && method !== "POST")) {
    return sendText(res, 405, "Method Not Allowed", "text/plain; charset=utf-8", {
      allow: action === undefined ? "GET" : "POST",
    });
  }
  const session = PaymentSessionId.safeParse(id).success ? rt.store.sessions.get(id) : undefined;
  if (!session) return sendPage(res, 404, notFoundModel);

  if (action !== undefined) {
    const { refused, ...outcome } = actOnSession(rt, session, ACTIONS[action] as SessionAction);
    if ((req.headers.accept ?? "").includes("application/json")) {
      return sendJson(res, refused ? 409 : 200, refused ? { error: "conflict", ...refused, ...outcome } : outcome);
    }
    const location = refused ? session.url : outcome.redirectUrl;
    res.writeHead(303, { location, "content-length": 0, "cache-control": "no-store" });
    res.end();
    return;
  }

  expireDueSessions(rt);
  const invoice = rt.store.invoices.get(session.invoiceId) as InvoiceRecord;
  const state = pageState(session, invoice);
  sendPage(res, state === "expired" || state === "cancelled" ? 410 : 200, {
    state,
    merchantName,
    sessionId: session.id,
    invoiceId: invoice.id,
    credits: invoice.grantAmount,
    total: invoice.total,
    currency: rt.store.merchant.currency,
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl,
    failureReason: invoice.failureReason,
  });
}
