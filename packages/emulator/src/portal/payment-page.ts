import { IFRAME_SCRIPT, PAGE_CSS } from "./page-assets.ts";

export type PageState =
  | "open"
  | "declined"
  | "authenticating"
  | "processing"
  | "completed"
  | "cancelled"
  | "expired"
  | "not_found";

export interface PageModel {
  state: PageState;
  merchantName: string;
  sessionId: string;
  invoiceId: string;
  credits: number;
  /** Major units, decimal string ("10.00"). */
  total: string;
  currency: string;
  successUrl: string | undefined;
  cancelUrl: string | undefined;
  /** The invoice's failureReason after a failed attempt (state "declined"). */
  failureReason: string | undefined;
}

/** What the page says after a failed attempt, by the invoice's failureReason. */
export const FAILURE_MESSAGES: Record<string, string> = {
  CARD_DECLINED: "Your card was declined. Try again or use another card.",
  INSUFFICIENT_FUNDS: "Your card has insufficient funds. Try again or use another card.",
  AUTHENTICATION_FAILED: "Your bank could not authenticate this payment. Try again or use another card.",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatPrice(total: string, currency: string): string {
  // Intl formats the decimal string exactly (no float detour).
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(total as `${number}`);
}

function formatCredits(credits: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 }).format(credits);
}

const HEADINGS: Record<PageState, string> = {
  open: "Complete your purchase",
  declined: "Complete your purchase",
  authenticating: "Confirm this payment with your bank",
  processing: "Payment processing",
  completed: "Payment received",
  cancelled: "Payment cancelled",
  expired: "This payment link has expired",
  not_found: "Payment not found",
};

function button(sessionId: string, action: string, cls: string, label: string): string {
  return `<form method="post" action="/portal/pay/${escapeHtml(sessionId)}/${action}" data-action="${action}">
<button type="submit" class="${cls}">${label}</button></form>`;
}

/** The hosted payment page for every state of a session, as one accessible HTML document. */
export function renderPaymentPage(m: PageModel, nonce: string): string {
  const merchant = escapeHtml(m.merchantName);
  const price = m.state === "not_found" ? "" : escapeHtml(formatPrice(m.total, m.currency));
  const credits = escapeHtml(formatCredits(m.credits));
  const heading = HEADINGS[m.state];
  const payable = m.state === "open" || m.state === "declined";
  const parts: string[] = [];

  if (m.state !== "not_found") {
    parts.push(`<p class="merchant">Pay <strong>${merchant}</strong></p>`);
    parts.push(`<dl><dt>Credits</dt><dd>${credits} credits</dd>
<dt class="total">Total</dt><dd class="total">${price}</dd></dl>`);
  }
  const alert =
    m.state === "declined" ? (FAILURE_MESSAGES[m.failureReason ?? ""] ?? FAILURE_MESSAGES.CARD_DECLINED) : "";
  parts.push(`<p id="status" ${alert ? 'class="alert" ' : ""}role="alert" aria-live="assertive">${alert}</p>`);
  if (payable) {
    parts.push(`<div class="actions">
${button(m.sessionId, "pay", "pay", `Pay ${price}`)}
${button(m.sessionId, "decline", "decline", "Simulate a declined card")}
${button(m.sessionId, "insufficient-funds", "decline", "Simulate insufficient funds")}
${button(m.sessionId, "authenticate", "secondary", "Simulate a card that needs authentication")}
${button(m.sessionId, "hold", "secondary", "Simulate a payment that stays processing")}
${button(m.sessionId, "cancel", "cancel", "Cancel and return")}
</div>`);
  } else if (m.state === "authenticating") {
    parts.push(`<p>Your bank asks you to confirm this payment of ${price}.</p>
<div class="actions">
${button(m.sessionId, "authentication-confirm", "pay", "Complete authentication")}
${button(m.sessionId, "authentication-fail", "decline", "Fail authentication")}
</div>`);
  } else if (m.state === "processing") {
    parts.push(`<p>Your payment is being processed. This page refreshes by itself.</p>`);
  } else if (m.state === "completed") {
    parts.push(`<p>Thank you. ${credits} credits are being added to your account.</p>`);
    if (m.successUrl) parts.push(`<p><a href="${escapeHtml(m.successUrl)}">Return to ${merchant}</a></p>`);
  } else if (m.state === "cancelled") {
    parts.push(`<p>No payment was taken.</p>`);
    if (m.cancelUrl) parts.push(`<p><a href="${escapeHtml(m.cancelUrl)}">Return to ${merchant}</a></p>`);
  } else if (m.state === "expired") {
    parts.push(`<p>No payment was taken. Start a new purchase from ${merchant} to try again.</p>`);
    // As on Paygentic's page: the way back is the merchant's cancel URL (their BFF then says "expired").
    if (m.cancelUrl) parts.push(`<p><a href="${escapeHtml(m.cancelUrl)}">Return to ${merchant}</a></p>`);
  } else {
    parts.push(`<p>There is no payment with this link.</p>`);
  }
  parts.push(`<p class="note">CreditKit emulator: a test payment page. No real money moves.</p>`);

  const refresh = m.state === "processing" ? '<meta http-equiv="refresh" content="2">' : "";
  const title = m.state === "not_found" ? heading : `${heading} · ${m.merchantName}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${PAGE_CSS}</style>
</head>
<body>
<main data-session="${escapeHtml(m.sessionId)}" data-invoice="${escapeHtml(m.invoiceId)}">
<h1>${heading}</h1>
${parts.join("\n")}
</main>
<script nonce="${nonce}">${IFRAME_SCRIPT}</script>
</body>
</html>`;
}
