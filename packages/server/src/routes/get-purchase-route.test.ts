import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "../test-support/make-handler.ts";
import { pastStatusCache } from "../test-support/status-cache.ts";

const emu = await emulatorForFile();

describe("GET /purchases/{id}", () => {
  it("follows a purchase from pending to paid, with the grant it created", async () => {
    const client = makeHandler(emu);
    const created = await client.buy({ packId: "starter" }, "status-paid-1");
    const pending = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({
      purchaseId: created.json.purchaseId,
      status: "pending",
      credits: 1000,
      price: "10.00",
      currency: "USD",
      packId: "starter",
      paidAt: null,
      paymentUrl: created.json.paymentUrl,
      grant: null,
      expiresAt: created.json.expiresAt,
    });

    const before = (await client.get("/balance")).json.balance;
    await emu.session(created.json.paymentUrl, "complete");
    await pastStatusCache(); // the pending answer is reused for a second
    const paid = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(paid.json).toMatchObject({
      status: "paid",
      paidAt: expect.any(String),
      paymentUrl: null,
      grant: { amount: 1000, source: "purchase", purchaseId: created.json.purchaseId, status: "active" },
    });
    // Settling invalidated the cached balance.
    expect((await client.get("/balance")).json.balance).toBe(before + 1000);
    const grants = await client.get("/grants");
    expect(grants.json.grants[0]).toMatchObject({ id: paid.json.grant.id, source: "purchase" });
    // Settled: answered again without listing grants.
    const listsBefore = (await emu.requests()).filter((r) => r.path.includes("/grants?")).length;
    expect((await client.get(`/purchases/${created.json.purchaseId}`)).json.status).toBe("paid");
    expect((await emu.requests()).filter((r) => r.path.includes("/grants?")).length).toBe(listsBefore);
  });

  it("answers cancelled, failed and expired", async () => {
    const client = makeHandler(emu);
    const cancel = await client.buy({ packId: "starter" }, "status-cancel-1");
    await emu.session(cancel.json.paymentUrl, "cancel");
    expect((await client.get(`/purchases/${cancel.json.purchaseId}`)).json).toMatchObject({
      status: "cancelled",
      paymentUrl: null,
    });

    const decline = await client.buy({ packId: "starter" }, "status-decline-1");
    await emu.session(decline.json.paymentUrl, "decline");
    expect((await client.get(`/purchases/${decline.json.purchaseId}`)).json.status).toBe("failed");

    const expire = await client.buy({ packId: "starter" }, "status-expire-1");
    await emu.advanceClock("PT25H");
    expect((await client.get(`/purchases/${expire.json.purchaseId}`)).json.status).toBe("expired");
  });

  it("answers 404 for another customer's purchase, exactly as for a missing one", async () => {
    const client = makeHandler(emu);
    const created = await client.buy({ packId: "starter" }, "owned-by-alice");
    const asBob = await client.get(`/purchases/${created.json.purchaseId}`, { as: "acme-bob" });
    const missing = await client.get(`/purchases/pur_${"0".repeat(32)}`);
    expect(asBob.status).toBe(404);
    expect(asBob.json).toEqual(missing.json);
    expect(asBob.json.error.code).toBe("not_found");
  });
});
