import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { ORIGIN } from "@creditkit/test-kit/handler-client";
import { purchaseCalls } from "@creditkit/test-kit/invoices";
import { testClock } from "@creditkit/test-kit/test-clock";
import { describe, expect, it } from "vitest";
import { derivePurchaseKeys } from "../purchase-keys.ts";
import { makeHandler } from "../test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("POST /purchases", () => {
  it("creates a purchase priced by the server, with return URLs built from config", async () => {
    const client = makeHandler(emu);
    const res = await client.buy({ packId: "growth" }, "attempt-0001");
    const { purchaseId } = await derivePurchaseKeys(emu.customer("acme-alice").customerId, "attempt-0001");
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(res.json).toEqual({
      purchaseId,
      paymentUrl: expect.stringMatching(new RegExp(`^${emu.emu.url}/portal/pay/`)),
      expiresAt: expect.any(String),
      credits: 5000,
      price: "45.00",
      currency: "USD",
      packId: "growth",
    });
    const [call] = await purchaseCalls(emu);
    expect(call?.body).toMatchObject({
      amount: 5000,
      price: "45.00",
      idempotencyKey: (await derivePurchaseKeys(emu.customer("acme-alice").customerId, "attempt-0001")).upstreamKey,
      successUrl: `${ORIGIN}/?ck_purchase=${purchaseId}&ck_result=success`,
      cancelUrl: `${ORIGIN}/?ck_purchase=${purchaseId}&ck_result=cancelled`,
    });
  });

  it("prices a custom amount as unitPrice × credits", async () => {
    const res = await makeHandler(emu).buy({ credits: 2500 }, "attempt-custom-1");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ credits: 2500, price: "25.00", packId: null });
    expect((await purchaseCalls(emu))[0]?.body).toMatchObject({ amount: 2500, price: "25.00" });
  });

  it("answers a double click, a retry and a reload with the same invoice (one upstream call)", async () => {
    const client = makeHandler(emu);
    const [a, b] = await Promise.all([
      client.buy({ packId: "starter" }, "double-click-1"),
      client.buy({ packId: "starter" }, "double-click-1"),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json).toEqual(b.json);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")]).toContain("true");
    const again = await client.buy({ packId: "starter" }, "double-click-1");
    expect(again.json).toEqual(a.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await purchaseCalls(emu)).toHaveLength(1);

    // A fresh instance (store lost) still reaches the same invoice through the upstream key.
    const restarted = await makeHandler(emu).buy({ packId: "starter" }, "double-click-1");
    expect(restarted.json.paymentUrl).toBe(a.json.paymentUrl);
    expect(restarted.json.purchaseId).toBe(a.json.purchaseId);
  });

  it("refuses the same attempt key for another pack with 409", async () => {
    const client = makeHandler(emu);
    await client.buy({ packId: "starter" }, "conflict-key-1");
    const other = await client.buy({ packId: "scale" }, "conflict-key-1");
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_conflict");
    const custom = await client.buy({ credits: 1000 }, "conflict-key-1");
    expect(custom.status).toBe(409);
    // Even when this instance lost its record, Paygentic's 409 is the caller's conflict, not a 5xx.
    const fresh = await makeHandler(emu).buy({ packId: "growth" }, "conflict-key-1");
    expect(fresh.status).toBe(409);
    expect(fresh.json.error.code).toBe("idempotency_conflict");
  });

  it("keeps attempt keys of different customers apart", async () => {
    const client = makeHandler(emu);
    const alice = await client.buy({ packId: "starter" }, "shared-key-1");
    const bob = await client.buy({ packId: "scale" }, "shared-key-1", { as: "acme-bob" });
    expect(bob.status).toBe(201);
    expect(bob.json.purchaseId).not.toBe(alice.json.purchaseId);
  });

  it("refuses a payment URL outside paymentHosts and never returns it", async () => {
    const client = makeHandler(emu, { paymentHosts: ["https://checkout.paygentic.io"] });
    const res = await client.buy({ packId: "starter" }, "rejected-url-1");
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("payment_url_rejected");
    expect(res.text).not.toContain("/portal/pay/");
    expect(res.text).not.toContain(emu.emu.url);
  });

  it("rate-limits NEW purchases per customer; replays never count", async () => {
    const clock = testClock();
    const client = makeHandler(emu, { rateLimit: { max: 2, windowSeconds: 60 }, now: clock.now });
    expect((await client.buy({ packId: "starter" }, "limit-key-1")).status).toBe(201);
    expect((await client.buy({ packId: "starter" }, "limit-key-2")).status).toBe(201);
    expect((await client.buy({ packId: "starter" }, "limit-key-1")).status).toBe(201); // replay
    const limited = await client.buy({ packId: "starter" }, "limit-key-3");
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 60 });
    expect(limited.headers.get("retry-after")).toBe("60");
    expect((await client.buy({ packId: "starter" }, "limit-key-3", { as: "acme-bob" })).status).toBe(201);
    clock.advance(60_000);
    expect((await client.buy({ packId: "starter" }, "limit-key-3")).status).toBe(201);
  });
});
