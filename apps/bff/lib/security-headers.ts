/**
 * The security headers of every page (the proxy sets them; API answers get the fixed ones below from
 * next.config.ts). The CSP allows only our own origin, plus the payment hosts as form targets and as
 * the only origins a frame could ever show: the widget itself redirects to the hosted payment page
 * and frames nothing. Scripts need the per-request nonce Next.js puts on its own tags.
 */
export function contentSecurityPolicy(nonce: string, paymentHosts: string[], development: boolean): string {
  const hosts = paymentHosts.join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Next's dev overlay injects styles; production styles are files on our origin.
    `style-src 'self'${development ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${hosts}`,
    `frame-src ${hosts}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/**
 * The CSP of every API answer (JSON, never a document that loads anything): nothing may load, and
 * nothing may frame it. Fixed, so next.config.ts sets it without running the proxy per API request.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
