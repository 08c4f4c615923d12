import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulatorControl, type EmulatorControl, paymentSessionIdOf } from "./control-client.ts";
import { startTestEmulator, type TestEmulator } from "./testing/harness.ts";

// The merchant-facing control client (also under @creditkit/emulator/playwright), against a real
// emulator on a loopback port.

let t: TestEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  t = await startTestEmulator();
  control = createEmulatorControl(`${t.emu.url}/`);
});
afterAll(() => t.close());
beforeEach(() => control.reset());

const buy = (idempotencyKey: string, amount = 1000, price = "10.00") =>
  t.client.grants.purchase(t.alice.entitlementId, {
    amount,
    price,
    idempotencyKey,
    successUrl: "https://shop.example/ok",
    cancelUrl: "https://shop.example/cancel",
  });

describe("createEmulatorControl", () => {
  it("lists one purchase per invoice: replays of a key are not new invoices", async () => {
    const first = await buy("key-one");
    await buy("key-one");
    await buy("key-two", 2500, "25.00");
    const purchases = await control.purchases();
    expect(purchases.map((p) => [p.entitlementId, p.body.idempotencyKey, p.body.amount])).toEqual([
      [t.alice.entitlementId, "key-one", 1000],
      [t.alice.entitlementId, "key-two", 2500],
    ]);
    expect(purchases[0]?.body.successUrl).toBe("https://shop.example/ok");
    expect(await control.requests({ method: "post", path: /\/grants\/purchase$/ })).toHaveLength(3);
    expect(first.invoiceId).toMatch(/^inv_/);
  });

  it("reads an invoice with the seeded key, and a customer's balance by any of their ids", async () => {
    const before = await control.balance(t.alice.externalId);
    const purchase = await buy("key-paid", 1500, "15.00");
    expect(await control.invoice(purchase.invoiceId)).toMatchObject({ status: "ISSUED", currency: "USD" });

    const session = purchase.paymentSessions[0];
    if (!session) throw new Error("no payment session");
    await control.completeSession(paymentSessionIdOf(session.url));
    const paid = await control.invoice(purchase.invoiceId);
    expect(paid.status).toBe("PAID");
    expect(paid.grandTotal).toMatch(/^15(\.0+)?$/);
    expect(await control.balance(t.alice.externalId)).toBe(before + 1500);
    expect(await control.balance(t.alice.entitlementId)).toBe(before + 1500);
    expect(await control.balance(t.alice.customerId)).toBe(before + 1500);
    await expect(control.balance("nobody")).rejects.toThrow('no seeded customer or entitlement "nobody"');
  });

  it("expires a session from a purchase's expiresAt, and its methods work destructured", async () => {
    const { expire, invoice, requests } = control;
    const purchase = await buy("key-expire");
    const session = purchase.paymentSessions[0];
    if (!session?.expiresAt) throw new Error("no session expiry");
    await expire({ expiresAt: session.expiresAt });
    expect((await invoice(purchase.invoiceId)).metadata?.cancelReason).toBe("payment_session_expired");
    expect((await requests()).length).toBeGreaterThan(0);
  });

  it("names the route and the emulator's answer when a control call fails", async () => {
    await expect(control.invoice("inv_doesnotexist")).rejects.toThrow(
      /GET \/v2\/invoices\/inv_doesnotexist answered 404/,
    );
  });
});
