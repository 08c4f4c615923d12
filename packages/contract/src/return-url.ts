/**
 * The success and cancel URLs the BFF builds end in `?ck_purchase=pur_…&ck_result=success|cancelled`;
 * the widget reads them on the page the customer comes back to, then removes them.
 */
export const PURCHASE_PARAM = "ck_purchase";
export const RESULT_PARAM = "ck_result";

export type ReturnResult = "success" | "cancelled";
