import type { Runtime } from "../runtime.ts";
import type { InvoiceRecord, InvoiceStatus, PaymentSessionRecord } from "../store/records.ts";

export type SessionAction = "complete" | "decline" | "cancel";

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

/** Pay, decline or cancel, as the hosted page's buttons and the control routes do. */
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

  if (action === "complete") {
    if (session.status === "open") {
      rt.store.openSessions.delete(session);
      if (rt.config.settleDelayMs > 0) {
        // The customer is redirected at once; the money "arrives" later, like a real processor.
        session.status = "processing";
        invoice.paymentInFlight = true;
        invoice.updatedAt = nowIso;
        const store = rt.store;
        rt.timers.after(rt.config.settleDelayMs, () => {
          if (rt.store === store) settle(rt, session);
        });
      } else {
        settle(rt, session);
      }
    }
    if (session.status === "expired" || session.status === "cancelled") refused = notOpen();
    else redirectUrl = session.successUrl ?? session.url;
  } else if (action === "decline") {
    if (session.status === "open") {
      invoice.failureReason = "CARD_DECLINED";
      if (invoice.status !== "PAYMENT_FAILED") transition(invoice, "PAYMENT_FAILED", nowIso, "CARD_DECLINED");
      else invoice.updatedAt = nowIso;
    } else refused = notOpen();
  } else if (session.status === "open") {
    rt.store.openSessions.delete(session);
    session.status = "cancelled";
    invoice.cancelReason = "customer_cancelled";
    invoice.failureReason = undefined;
    transition(invoice, "CANCELLED", nowIso, "customer_cancelled");
    redirectUrl = session.cancelUrl ?? session.url;
  } else if (session.status === "cancelled") {
    redirectUrl = session.cancelUrl ?? session.url;
  } else refused = notOpen();

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
