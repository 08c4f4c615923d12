import { describe, expect, it } from "vitest";
import { createEmulatorControl } from "../control-client.ts";
import { emulatorForFile, failure } from "../testing/harness.ts";

const t = await emulatorForFile();

const BOB = "ent_demobob";
const sessionOf = (url: string) => url.split("/").pop() as string;

async function paidPurchase(key: string, price = "10.00") {
  const p = await t.client.grants.purchase(BOB, { amount: 1000, price, idempotencyKey: key });
  await t.control("POST", `/__emulator/payment-sessions/${sessionOf(p.paymentSessions[0]!.url)}/complete`);
  return p.invoiceId;
}

describe("POST /v2/invoices/{id}/refunds", () => {
  it("refunds a PAID invoice in full, once, as a credit note; the invoice stays PAID", async () => {
    const invoiceId = await paidPurchase("refund-1", "12.50");
    const refund = await t.client.invoices.refund(invoiceId, { reason: "customer asked" });
    expect(refund).toMatchObject({
      object: "invoice_refund",
      invoiceId,
      merchantId: "org_acmecloud",
      amount: "12.50",
      taxAmount: "0.00",
      total: "12.50",
      currency: "USD",
      status: "ISSUED",
      reason: "customer asked",
    });
    expect(refund.id).toMatch(/^crn_/);
    expect((await t.client.invoices.get(invoiceId)).status).toBe("PAID");
    expect((await t.client.invoices.refunds(invoiceId)).data).toEqual([refund]);

    const again = await t.api("POST", `/v2/invoices/${invoiceId}/refunds`, {});
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: "INVOICE_ALREADY_REFUNDED" });
    expect((await t.client.invoices.refunds(invoiceId)).data).toHaveLength(1);
  });

  it("refuses an invoice that is not PAID, and an unknown one, changing nothing", async () => {
    const open = await t.client.grants.purchase(BOB, { amount: 1000, price: "10.00", idempotencyKey: "refund-2" });
    const unpaid = await t.api("POST", `/v2/invoices/${open.invoiceId}/refunds`, {});
    expect(unpaid.status).toBe(400);
    expect(unpaid.json).toMatchObject({ code: "INVOICE_NOT_PAID" });
    expect((await t.client.invoices.refunds(open.invoiceId)).data).toEqual([]);
    const missing = await failure(t.client.invoices.refund("inv_ffffffffffff"));
    expect(missing.status).toBe(404);
  });

  it("refuses a body with a reason that is not a string, naming it", async () => {
    const invoiceId = await paidPurchase("refund-3");
    const res = await t.api("POST", `/v2/invoices/${invoiceId}/refunds`, { reason: 42 });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe("reason");
  });

  it("lists every refund on the control route, and forgets them on reset", async () => {
    const control = createEmulatorControl(t.emu.url);
    const invoiceId = await paidPurchase("refund-4");
    await t.client.invoices.refund(invoiceId);
    const listed = await control.refunds();
    expect(listed.map((r) => r.invoiceId)).toEqual([invoiceId]);
    await control.reset();
    expect(await control.refunds()).toEqual([]);
  });
});
