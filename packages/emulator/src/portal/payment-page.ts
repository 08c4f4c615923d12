import { IFRAME_SCRIPT, PAGE_CSS } from "./page-assets.ts";

export type PageState = "open" | "declined" | "processing" | "completed" | "cancelled" | "expired" | "not_found";

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
}

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
  const alert = m.state === "declined" ? "Your card was declined. Try again or use another card." : "";
  parts.push(`<p id="status" ${alert ? 'class="alert" ' : ""}role="alert" aria-live="assertive">${alert}</p>`);
  if (payable) {
    parts.push(`<div class="actions">
${button(m.sessionId, "pay", "pay", `Pay ${price}`)}
${button(m.sessionId, "decline", "decline", "Simulate a declined card")}
${button(m.sessionId, "cancel", "cancel", "Cancel and return")}
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
