import type { PurchaseRecord } from "../store/store-types.ts";

/** One purchase record, as the stores' tests store and read it. */
export const samplePurchaseRecord: PurchaseRecord = {
  purchaseId: "pur_00000000000000000000000000000001",
  customerId: "cus_1",
  entitlementId: "ent_1",
  invoiceId: "inv_1",
  credits: 1000,
  price: "10.00",
  currency: "USD",
  packId: "starter",
  paymentUrl: "http://127.0.0.1:4010/portal/pay/ps_1",
  expiresAt: "2026-03-02T00:00:00Z",
  createdAt: "2026-03-01T00:00:00Z",
  upstreamKey: "ckp_x",
};
