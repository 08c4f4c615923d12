import { describe, expect, it } from "vitest";
import { emulatorForFile } from "../testing/harness.ts";

// The hosted page's test outcomes beyond Pay/Decline/Cancel (issue 17), as a browser's form
// posts would drive them, and what the invoice then tells the merchant's backend.

const t = await emulatorForFile();
const ENT = "ent_democarol";

async function purchase(key: string) {
  const p = await t.client.grants.purchase(ENT, {
    amount: 1000,
    price: "10.00",
    idempotencyKey: key,
    successUrl: "https://shop.example/ok",
    cancelUrl: "https://shop.example/back",
  });
  return { ...p, url: p.paymentSessions[0]?.url as string };
}
const page = (url: string) => t.control("GET", url.slice(t.emu.url.length));
const press = (url: string, action: string) => fetch(`${url}/${action}`, { method: "POST", redirect: "manual" });

describe("the hosted page's test outcomes", () => {
  it("offers each outcome as a labelled button", async () => {
    const html = (await page((await purchase("buttons")).url)).text;
    for (const label of [
      "Simulate insufficient funds",
      "Simulate a card that needs authentication",
      "Simulate a payment that stays processing",
    ])
      expect(html).toContain(`>${label}</button>`);
  });

  it("insufficient funds: back on the page with its own alert; the invoice says INSUFFICIENT_FUNDS", async () => {
    const p = await purchase("nsf");
    const res = await press(p.url, "insufficient-funds");
    expect([res.status, res.headers.get("location")]).toEqual([303, p.url]);
    expect((await page(p.url)).text).toMatch(/role="alert"[^>]*>Your card has insufficient funds\./);
    const invoice = await t.client.invoices.get(p.invoiceId);
    expect([invoice.status, invoice.failureReason]).toEqual(["PAYMENT_FAILED", "INSUFFICIENT_FUNDS"]);
  });

  it("authentication: a second screen to confirm (paid) or fail (AUTHENTICATION_FAILED, payable again)", async () => {
    const p = await purchase("3ds");
    expect((await press(p.url, "authenticate")).headers.get("location")).toBe(p.url);
    const challenge = (await page(p.url)).text;
    expect(challenge).toContain("<h1>Confirm this payment with your bank</h1>");
    expect(challenge).toContain(">Complete authentication</button>");
    expect(challenge).toContain(">Fail authentication</button>");
    expect(challenge).not.toContain('data-action="pay"');
    // While the customer is on the bank's screen nothing is decided: the invoice is still ISSUED.
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("ISSUED");

    expect((await press(p.url, "authentication-fail")).headers.get("location")).toBe(p.url);
    const failed = (await page(p.url)).text;
    expect(failed).toMatch(/role="alert"[^>]*>Your bank could not authenticate this payment\./);
    expect(failed).toContain('data-action="pay"');
    const invoice = await t.client.invoices.get(p.invoiceId);
    expect([invoice.status, invoice.failureReason]).toEqual(["PAYMENT_FAILED", "AUTHENTICATION_FAILED"]);
    // Confirming without a pending challenge is refused and changes nothing.
    expect((await press(p.url, "authentication-confirm")).headers.get("location")).toBe(p.url);
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAYMENT_FAILED");

    await press(p.url, "authenticate");
    const confirmed = await press(p.url, "authentication-confirm");
    expect(confirmed.headers.get("location")).toBe("https://shop.example/ok");
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAID");
  });

  it("stays processing: the customer returns to the success URL while the invoice is ISSUED and in flight", async () => {
    const p = await purchase("held");
    const res = await press(p.url, "hold");
    expect(res.headers.get("location")).toBe("https://shop.example/ok");
    const invoice = await t.client.invoices.get(p.invoiceId);
    expect([invoice.status, invoice.paymentInFlight, invoice.paymentUrl]).toEqual(["ISSUED", true, null]);
    expect((await page(p.url)).text).toContain("<h1>Payment processing</h1>");
    await t.control("POST", `/__emulator/payment-sessions/${p.url.split("/").pop()}/release`);
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAID");
  });

  it("expired: the page links back to the merchant's cancel URL, as Paygentic returns the customer", async () => {
    const p = await purchase("late");
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT25H" });
    const expired = await page(p.url);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('<a href="https://shop.example/back">Return to Acme Cloud</a>');
  });
});
