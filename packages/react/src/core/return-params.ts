/**
 * The success/cancel URLs the BFF builds end in `?ck_purchase=pur_…&ck_result=success|cancelled`.
 * Reading and removing them lives here, away from React; both are called from effects only, never
 * during render, so server rendering never touches `window`.
 */
export const PURCHASE_PARAM = "ck_purchase";
export const RESULT_PARAM = "ck_result";

export type ReturnResult = "success" | "cancelled";

export interface ReturnParams {
  purchaseId: string;
  result: ReturnResult;
}

const PURCHASE_ID = /^pur_[0-9a-f]{32}$/;

export function readReturnParams(search: string): ReturnParams | null {
  const params = new URLSearchParams(search);
  const purchaseId = params.get(PURCHASE_PARAM);
  const result = params.get(RESULT_PARAM);
  if (!purchaseId || !PURCHASE_ID.test(purchaseId)) return null;
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
