import { PURCHASE_PARAM, RESULT_PARAM, type ReturnResult } from "@creditkit/contract";

/**
 * True when Paygentic's payment URL points at one of the configured payment origins. The browser
 * is sent to this URL, so a compromised or drifted answer must not be able to send it elsewhere.
 */
export function isAllowedPaymentUrl(url: string, allowedOrigins: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  if (parsed.username !== "" || parsed.password !== "") return false;
  return allowedOrigins.has(parsed.origin);
}

/** Where the customer lands after the hosted page: built from config only, never from input. */
export function returnUrl(publicOrigin: string, returnPath: string, purchaseId: string, result: ReturnResult) {
  const url = new URL(returnPath, publicOrigin);
  url.searchParams.set(PURCHASE_PARAM, purchaseId);
  url.searchParams.set(RESULT_PARAM, result);
  return url.toString();
}
