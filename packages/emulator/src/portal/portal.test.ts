import { describe, expect, it } from "vitest";
import { DEMO_SEED } from "../seed/demo-seed.ts";
import { emulatorForFile, startTestEmulator, type TestEmulator } from "../testing/harness.ts";

const t = await emulatorForFile();

const ENT = "ent_democarol";

async function purchase(x: TestEmulator, extra: Record<string, string> = {}, price = "10.00") {
  const p = await x.client.grants.purchase(ENT, { amount: 1000, price, idempotencyKey: "page-1", ...extra });
  const url = p.paymentSessions[0]?.url as string;
  return { ...p, url, sessionId: url.split("/").pop() as string };
}

const page = (url: string) => t.control("GET", url.slice(t.emu.url.length));
const press = (url: string, action: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/${action}`, { method: "POST", redirect: "manual", headers });
const grantsWithKey = async (key: string) =>
  (await t.client.grants.list(ENT, { limit: 100 })).data.filter((g) => g.idempotencyKey === key);

describe("GET /portal/pay/{id}", () => {
  it("renders an accessible page with the merchant, credits, price and three labelled buttons", async () => {
    const p = await purchase(t);
    const res = await page(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<title>Complete your purchase · Acme Cloud</title>");
    expect(html).toMatch(/<h1>Complete your purchase<\/h1>/);
    expect(html).toContain("Acme Cloud");
    expect(html).toContain("1,000 credits");
    expect(html).toContain("$10.00");
    for (const action of ["pay", "decline", "cancel"]) {
      expect(html).toContain(
        `<form method="post" action="/portal/pay/${p.sessionId}/${action}" data-action="${action}">`,
      );
    }
    expect(html).toContain('<button type="submit" class="pay">Pay $10.00</button>');
    expect(html).toContain(">Simulate a declined card</button>");
    expect(html).toContain(">Cancel and return</button>");
    expect(html).toContain("focus-visible");
    expect(html).toContain('role="alert"');
  });

  it("allows only itself: a nonce-based CSP, inline CSS and script, nothing loaded from elsewhere", async () => {
    const p = await purchase(t);
    const res = await page(p.url);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).toContain(`style-src 'nonce-${nonce}'`);
    expect(csp).not.toContain("form-action");
    expect(res.text).toContain(`<style nonce="${nonce}">`);
    expect(res.text).toContain(`<script nonce="${nonce}">`);
    expect(res.text).not.toMatch(/<(link|img|iframe)\b|src="http/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("carries the iframe script that reports to the parent with postMessage", async () => {
    const p = await purchase(t);
    const html = (await page(p.url)).text;
    expect(html).toContain("window.top === window");
    expect(html).toContain("window.parent.postMessage");
    expect(html).toContain('"payment_success"');
    expect(html).toContain('"payment_error"');
    expect(html).toContain(`data-session="${p.sessionId}" data-invoice="${p.invoiceId}"`);
  });

  it("answers 404 for an unknown session and 405 for a wrong method", async () => {
    const missing = await t.control("GET", "/portal/pay/ps_nothing");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("Payment not found");
    expect((await t.control("GET", "/portal/pay/ps_nothing/pay")).status).toBe(405);
    expect((await t.control("GET", "/portal")).status).toBe(404);
  });
});

describe("the buttons", () => {
  it("Pay: 303 to successUrl, invoice PAID, one grant; paying again is a no-op redirect", async () => {
    const p = await purchase(t, { successUrl: "https://shop.example/billing?purchase=1" });
    const res = await press(p.url, "pay");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://shop.example/billing?purchase=1");
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAID");
    const again = await press(p.url, "pay");
    expect(again.headers.get("location")).toBe("https://shop.example/billing?purchase=1");
    expect(await grantsWithKey("page-1")).toHaveLength(1);
    const done = await page(p.url);
    expect(done.status).toBe(200);
    expect(done.text).toContain("<h1>Payment received</h1>");
    expect(done.text).toContain('href="https://shop.example/billing?purchase=1"');
    expect(done.text).not.toContain("<form");
  });

  it("Pay without a successUrl lands on the payment-received page", async () => {
    const p = await purchase(t);
    const res = await press(p.url, "pay");
    expect(res.headers.get("location")).toBe(p.url);
    expect((await page(p.url)).text).toContain("Payment received");
  });

  it("Decline: the page re-renders with an alert and stays payable; Pay then credits once", async () => {
    const p = await purchase(t);
    const res = await press(p.url, "decline");
    expect([res.status, res.headers.get("location")]).toEqual([303, p.url]);
    const declined = await page(p.url);
    expect(declined.status).toBe(200);
    expect(declined.text).toMatch(/<p id="status" class="alert" role="alert"[^>]*>Your card was declined/);
    expect(declined.text).toContain('data-action="pay"');
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAYMENT_FAILED");
    await press(p.url, "pay");
    expect((await t.client.invoices.get(p.invoiceId)).status).toBe("PAID");
    expect(await grantsWithKey("page-1")).toHaveLength(1);
  });

  it("Cancel: 303 to cancelUrl, invoice CANCELLED by the customer, the page says so with 410", async () => {
    const p = await purchase(t, { cancelUrl: "https://shop.example/billing?cancelled=1" });
    const res = await press(p.url, "cancel");
    expect(res.headers.get("location")).toBe("https://shop.example/billing?cancelled=1");
    const inv = await t.client.invoices.get(p.invoiceId);
    expect([inv.status, inv.metadata?.cancelReason]).toEqual(["CANCELLED", "customer_cancelled"]);
    const after = await page(p.url);
    expect(after.status).toBe(410);
    expect(after.text).toContain("Payment cancelled");
    expect(after.text).not.toContain("<form");
    await press(p.url, "pay");
    expect(await grantsWithKey("page-1")).toHaveLength(0);
  });

  it("Expired: 410 without buttons once the clock passes expiresAt, and Pay does nothing", async () => {
    const p = await purchase(t);
    await t.control("POST", "/__emulator/clock", { advanceBy: "PT25H" });
    const expired = await page(p.url);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("This payment link has expired");
    expect(expired.text).not.toContain("<button");
    const res = await press(p.url, "pay");
    expect(res.headers.get("location")).toBe(p.url);
    const inv = await t.client.invoices.get(p.invoiceId);
    expect([inv.status, inv.metadata?.cancelReason]).toEqual(["CANCELLED", "payment_session_expired"]);
    expect(await grantsWithKey("page-1")).toHaveLength(0);
  });

  it("answers JSON to the iframe script", async () => {
    const p = await purchase(t);
    const declined = await press(p.url, "decline", { accept: "application/json" });
    expect(await declined.json()).toMatchObject({
      paymentSessionId: p.sessionId,
      status: "open",
      invoiceStatus: "PAYMENT_FAILED",
    });
    const paid = await press(p.url, "pay", { accept: "application/json" });
    expect(await paid.json()).toMatchObject({ invoiceId: p.invoiceId, status: "completed", invoiceStatus: "PAID" });
    const late = await press(p.url, "cancel", { accept: "application/json" });
    expect(late.status).toBe(409);
  });
});

describe("settle delay and custom merchants", () => {
  it("shows the payment as processing right after Pay when the settlement is delayed", async () => {
    const slow = await startTestEmulator({ settleDelayMs: 60_000 });
    try {
      const p = await purchase(slow, { successUrl: "https://shop.example/ok" });
      const res = await fetch(`${p.url}/pay`, { method: "POST", redirect: "manual" });
      expect(res.headers.get("location")).toBe("https://shop.example/ok");
      const html = await (await fetch(p.url)).text();
      expect(html).toContain("<h1>Payment processing</h1>");
      expect(html).toContain('http-equiv="refresh"');
      expect((await slow.client.invoices.get(p.invoiceId)).paymentInFlight).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it("escapes the merchant name and formats large prices exactly", async () => {
    const seed = structuredClone(DEMO_SEED) as unknown as { merchant: { name: string } };
    seed.merchant.name = `Evil <script>alert("x")</script> & Co`;
    const evil = await startTestEmulator({ seed: seed as never });
    try {
      const p = await purchase(evil, {}, "4503599.62");
      const html = await (await fetch(p.url)).text();
      expect(html).toContain("Evil &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co");
      expect(html).not.toContain("<script>alert");
      expect(html).toContain("$4,503,599.62");
    } finally {
      await evil.close();
    }
  });
});
