/** Prefix of every upstream idempotency key CreditKit sends; grants carrying it are purchases. */
export const UPSTREAM_KEY_PREFIX = "ckp_";
const UPSTREAM_KEY = /^ckp_([a-f0-9]{64})$/;

export interface PurchaseKeys {
  purchaseId: string;
  upstreamKey: string;
}

/**
 * Derives both ids from customer + attempt key: sha256(customerId + "\n" + attemptKey).
 * - the upstream key is "ckp_" + the full hex, so two customers' attempt keys never collide and
 *   a retry, a double click or a reload reaches the same Paygentic invoice;
 * - the purchaseId is "pur_" + its first 32 hex, so it is known before Paygentic is called (it
 *   goes into the success/cancel URLs) and a grant's key maps back to it without the store.
 * Async because it uses Web Crypto (`crypto.subtle`), not node:crypto, so the handler also runs on
 * edge runtimes (Vercel/Cloudflare workers, Deno, Bun) that have no Node built-ins.
 */
export async function derivePurchaseKeys(customerId: string, attemptKey: string): Promise<PurchaseKeys> {
  const hex = await sha256Hex(`${customerId}\n${attemptKey}`);
  return { purchaseId: `pur_${hex.slice(0, 32)}`, upstreamKey: `${UPSTREAM_KEY_PREFIX}${hex}` };
}

/** The purchaseId behind a grant's idempotency key, or null for grants CreditKit did not buy. */
export function purchaseIdFromUpstreamKey(idempotencyKey: string | null | undefined): string | null {
  const match = idempotencyKey ? UPSTREAM_KEY.exec(idempotencyKey) : null;
  return match ? `pur_${match[1]!.slice(0, 32)}` : null;
}

/** Lower-case hex SHA-256 of UTF-8 text, with Web Crypto (so edge runtimes can run it too). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
