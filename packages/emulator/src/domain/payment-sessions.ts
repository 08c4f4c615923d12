import type { Runtime } from "../runtime.ts";
import type { InvoiceRecord, InvoiceStatus, PaymentSessionRecord } from "../store/records.ts";

/**
 * What a customer (or a test) can do to a payment session:
 * - `complete`: Pay (settles at once, or after the settle delay);
 * - `decline`, `insufficient_funds`: a failed attempt; the invoice is PAYMENT_FAILED with that
 *   `failureReason` and the session stays payable;
 * - `authenticate`: the card asks for an extra step, shown as a second screen on the page;
 *   `authentication_confirm` pays, `authentication_fail` is a failed attempt (AUTHENTICATION_FAILED);
 * - `hold`: the payment is accepted but stays processing until `release`d;
 * - `cancel`: the customer gives up.
 */
export type SessionAction =
  | "complete"
  | "decline"
  | "insufficient_funds"
  | "authenticate"
  | "authentication_confirm"
  | "authentication_fail"
  | "hold"
  | "release"
  | "cancel";

/** The invoice's `failureReason` for each failed attempt (Paygentic's spec names the field only). */
export const FAILURE_REASONS = {
  decline: "CARD_DECLINED",
  insufficient_funds: "INSUFFICIENT_FUNDS",
  authentication_fail: "AUTHENTICATION_FAILED",
} as const;

export interface SessionOutcome {
  paymentSessionId: string;
  status: PaymentSessionRecord["status"];
  invoiceId: string;
  invoiceStatus: InvoiceStatus;
  /** Where the hosted page sends the customer next. */
  redirectUrl: string;
  /** Set when the action does not apply to the session's state (the state is unchanged). */
  refused?: { code: string; message: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

function transition(invoice: InvoiceRecord, status: InvoiceStatus, at: string, reason?: string): void {
  invoice.status = status;
  invoice.updatedAt = at;
  invoice.transitions.push(reason === undefined ? { status, at } : { status, at, reason });
}

/**
 * Expiry is evaluated lazily, on every read of a session or invoice and on clock moves: an open
 * session whose time has passed is expired and its invoice cancelled, as of the expiry instant.
 */
export function expireDueSessions(rt: Runtime): void {
  const now = rt.clock.now();
  for (const session of rt.store.openSessions) {
    if (session.expiresAt > now) continue;
    const invoice = rt.store.invoices.get(session.invoiceId) as InvoiceRecord;
    rt.store.openSessions.delete(session);
    session.status = "expired";
    invoice.cancelReason = "payment_session_expired";
    invoice.failureReason = undefined;
    transition(invoice, "CANCELLED", iso(session.expiresAt), "payment_session_expired");
  }
}

/** Every move on a session, as the hosted page's buttons and the control routes make them. */
export function actOnSession(rt: Runtime, session: PaymentSessionRecord, action: SessionAction): SessionOutcome {
  expireDueSessions(rt);
  const invoice = rt.store.invoices.get(session.invoiceId) as InvoiceRecord;
  const nowIso = rt.clock.nowIso();
  let redirectUrl = session.url;
  let refused: SessionOutcome["refused"];
  const notOpen = () => ({
    code: session.status === "expired" ? "PAYMENT_SESSION_EXPIRED" : `PAYMENT_SESSION_${session.status.toUpperCase()}`,
    message: `payment session ${session.id} is ${session.status}`,
  });
  const refuse = (code: string, message: string) => {
    refused = { code, message };
  };
  const open = session.status === "open";

  switch (action) {
    case "complete":
    case "authentication_confirm":
      if (action === "authentication_confirm" && open && !session.authenticating) {
        refuse("NO_AUTHENTICATION_PENDING", `payment session ${session.id} is not waiting for authentication`);
        break;
      }
      if (open) pay(rt, session, invoice, nowIso);
      if (session.status === "expired" || session.status === "cancelled") refused = notOpen();
      else redirectUrl = session.successUrl ?? session.url;
      break;
    case "decline":
    case "insufficient_funds":
    case "authentication_fail":
      if (!open) refused = notOpen();
      else if (action === "authentication_fail" && !session.authenticating)
        refuse("NO_AUTHENTICATION_PENDING", `payment session ${session.id} is not waiting for authentication`);
      else fail(session, invoice, FAILURE_REASONS[action], nowIso);
      break;
    case "authenticate":
      if (open) session.authenticating = true;
      else refused = notOpen();
      break;
    case "hold":
      if (open) {
        startProcessing(rt, session, invoice, nowIso, null);
        redirectUrl = session.successUrl ?? session.url;
      } else refused = notOpen();
      break;
    case "release":
      if (session.status === "processing") settle(rt, session);
      else if (session.status !== "completed")
        refuse(`PAYMENT_SESSION_${session.status.toUpperCase()}`, `payment session ${session.id} is not processing`);
      redirectUrl = session.successUrl ?? session.url;
      break;
    case "cancel":
      if (open) {
        rt.store.openSessions.delete(session);
        session.status = "cancelled";
        session.authenticating = false;
        invoice.cancelReason = "customer_cancelled";
        invoice.failureReason = undefined;
        transition(invoice, "CANCELLED", nowIso, "customer_cancelled");
        redirectUrl = session.cancelUrl ?? session.url;
      } else if (session.status === "cancelled") redirectUrl = session.cancelUrl ?? session.url;
      else refused = notOpen();
      break;
  }

  const outcome: SessionOutcome = {
    paymentSessionId: session.id,
    status: session.status,
    invoiceId: invoice.id,
    invoiceStatus: invoice.status,
    redirectUrl,
  };
  if (refused) outcome.refused = refused;
  return outcome;
}

/** A failed attempt: PAYMENT_FAILED with the reason; the session stays payable (try another card). */
function fail(session: PaymentSessionRecord, invoice: InvoiceRecord, reason: string, nowIso: string): void {
  session.authenticating = false;
  const changed = invoice.status !== "PAYMENT_FAILED" || invoice.failureReason !== reason;
  invoice.failureReason = reason;
  if (changed) transition(invoice, "PAYMENT_FAILED", nowIso, reason);
  else invoice.updatedAt = nowIso;
}

function pay(rt: Runtime, session: PaymentSessionRecord, invoice: InvoiceRecord, nowIso: string): void {
  if (rt.config.settleDelayMs <= 0) {
    rt.store.openSessions.delete(session);
    settle(rt, session);
    return;
  }
  // The customer is redirected at once; the money "arrives" later, like a real processor: after
  // the delay in real time, or as soon as the emulator's clock is moved past it.
  startProcessing(rt, session, invoice, nowIso, rt.clock.now() + rt.config.settleDelayMs);
  const store = rt.store;
  rt.timers.after(rt.config.settleDelayMs, () => {
    if (rt.store === store) settle(rt, session);
  });
}

function startProcessing(
  rt: Runtime,
  session: PaymentSessionRecord,
  invoice: InvoiceRecord,
  nowIso: string,
  settlesAt: number | null,
): void {
  rt.store.openSessions.delete(session);
  session.status = "processing";
  session.authenticating = false;
  session.settlesAt = settlesAt;
  invoice.paymentInFlight = true;
  invoice.updatedAt = nowIso;
}

/** After a clock move: processing payments whose settle time has come (held ones wait for release). */
export function settleDuePayments(rt: Runtime): number {
  const now = rt.clock.now();
  let settled = 0;
  for (const session of rt.store.sessions.values()) {
    if (session.status !== "processing" || session.settlesAt === null || session.settlesAt > now) continue;
    settle(rt, session);
    settled++;
  }
  return settled;
}

/** The payment arrives: invoice PAID, then the grant, then the webhook. Runs once per session. */
function settle(rt: Runtime, session: PaymentSessionRecord): void {
  if (session.status !== "open" && session.status !== "processing") return;
  const { store } = rt;
  const invoice = store.invoices.get(session.invoiceId) as InvoiceRecord;
  const ent = store.entitlements.get(session.entitlementId);
  if (!ent) return;
  const now = rt.clock.now();
  const { terms } = session;
  const grant = store.addGrant(ent, {
    id: rt.ids.next("grt"),
    amount: terms.amount,
    effectiveAt: terms.effectiveAt === undefined ? now : Date.parse(terms.effectiveAt),
    expiresAt: terms.expiresAt == null ? null : Date.parse(terms.expiresAt),
    voidedAt: null,
    createdAt: now,
    recurrencePeriod: null,
    idempotencyKey: terms.idempotencyKey,
    resetMaxRollover: terms.resetMaxRollover,
    resetMinRollover: terms.resetMinRollover,
  });
  session.status = "completed";
  invoice.paidAt = iso(now);
  invoice.paymentInFlight = false;
  invoice.failureReason = undefined;
  invoice.grantId = grant.id;
  transition(invoice, "PAID", iso(now));
  rt.onInvoicePaid(invoice, grant);
}
