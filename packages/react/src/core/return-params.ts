import { PURCHASE_ID_PATTERN, PURCHASE_PARAM, RESULT_PARAM, type ReturnResult } from "@creditkit/contract";

/**
 * The success/cancel URLs the BFF builds end in `?ck_purchase=pur_…&ck_result=success|cancelled`
 * (names from @creditkit/contract). Reading and removing them lives here, away from React; both are
 * called from effects only, never during render, so server rendering never touches `window`.
 */
export interface ReturnParams {
  purchaseId: string;
  result: ReturnResult;
}

export function readReturnParams(search: string): ReturnParams | null {
  const params = new URLSearchParams(search);
  const purchaseId = params.get(PURCHASE_PARAM);
  const result = params.get(RESULT_PARAM);
  if (!purchaseId || !PURCHASE_ID_PATTERN.test(purchaseId)) return null;
  return { purchaseId, result: result === "cancelled" ? "cancelled" : "success" };
}

/** The current URL without our two parameters, keeping every other parameter and the hash. */
export function urlWithoutReturnParams(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(PURCHASE_PARAM);
  url.searchParams.delete(RESULT_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

export function cleanReturnParams(): void {
  window.history.replaceState(window.history.state, "", urlWithoutReturnParams(window.location.href));
}
