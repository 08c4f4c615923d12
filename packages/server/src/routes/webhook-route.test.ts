import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import type { Client } from "@creditkit/test-kit/handler-client";
import { serveHandler } from "@creditkit/test-kit/serve-handler";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "../test-support/make-handler.ts";
import { deliver, paidEvent, signed } from "../test-support/webhooks.ts";

const emu = await emulatorForFile();

describe("POST /webhooks/paygentic", () => {
  it("accepts a signed invoice.paid.v0 from any origin and settles the purchase", async () => {
    const client = makeHandler(emu);
    const created = await client.buy({ packId: "starter" }, "webhook-settle-1");
    // Pay upstream, then learn the invoice and grant ids as Paygentic's webhook would carry them.
    const done = (await emu.session(created.json.paymentUrl, "complete")) as { invoiceId: string };
    const grantId = (await client.get("/grants")).json.grants[0].id;
    const res = await deliver(client, signed(emu.emu.webhookSecret, paidEvent(done.invoiceId, grantId)));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: true });

    // Settled by the webhook: status needs no grant listing.
    const lists = async () => (await emu.requests()).filter((r) => r.path.includes("/grants?")).length;
    const before = await lists();
    const status = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(status.json).toMatchObject({ status: "paid", grant: { id: grantId, purchaseId: created.json.purchaseId } });
    expect(await lists()).toBe(before);
  });

  it("processes each svix-id once", async () => {
    const client = makeHandler(emu);
    const message = signed(emu.emu.webhookSecret, paidEvent("inv_abc123", "grt_1"), { id: "msg_dup_1" });
    expect((await deliver(client, message)).json).toEqual({ received: true, ignored: true });
    expect((await deliver(client, message)).json).toEqual({ received: true, duplicate: true });
  });

  it("refuses a bad signature, a missing one, a wrong secret and a tampered body with 401", async () => {
    const client = makeHandler(emu);
    const good = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"));
    const otherSecret = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;
    const cases = [
      { ...good, headers: { ...good.headers, "svix-signature": "v1,AAAA" } },
      { ...good, headers: { "svix-id": good.headers["svix-id"], "svix-timestamp": good.headers["svix-timestamp"] } },
      signed(otherSecret, paidEvent("inv_abc", "grt_1")),
      { ...good, body: good.body.replace("inv_abc", "inv_def") },
    ];
    for (const message of cases) {
      const res = await deliver(client, message as typeof good);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("invalid_signature");
    }
  });

  it("refuses a timestamp outside the 5-minute window, either way", async () => {
    const client = makeHandler(emu);
    const old = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"), { at: new Date(Date.now() - 6 * 60_000) });
    const future = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"), {
      at: new Date(Date.now() + 6 * 60_000),
    });
    expect((await deliver(client, old)).status).toBe(401);
    expect((await deliver(client, future)).status).toBe(401);
    const recent = signed(emu.emu.webhookSecret, paidEvent("inv_abc", "grt_1"), {
      at: new Date(Date.now() - 4 * 60_000),
    });
    expect((await deliver(client, recent)).status).toBe(200);
  });

  it("ignores unknown event types and refuses a malformed paid event", async () => {
    const client = makeHandler(emu);
    const other = { eventType: "invoice.issued.v0", eventId: "evt_x", timestamp: new Date().toISOString(), data: {} };
    expect((await deliver(client, signed(emu.emu.webhookSecret, other))).json).toEqual({
      received: true,
      ignored: true,
    });
    const broken = { ...paidEvent("inv_abc", "grt_1"), data: { grantId: "grt_1" } };
    const res = await deliver(client, signed(emu.emu.webhookSecret, broken));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", field: "data.invoiceId" });
  });

  it("settles a purchase from the emulator's real, Svix-signed delivery", async () => {
    // The receiver must exist before the emulator (which needs its URL), and the handler after it.
    let handler: Client["handler"] = async () => new Response(null, { status: 503 });
    let delivered!: () => void;
    const arrived = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    const server = await serveHandler(
      (request) => handler(request),
      (path, status) => {
        if (path.endsWith("/webhooks/paygentic") && status === 200) delivered();
      },
    );
    const sender = await startTestEmulator({ webhookUrls: [`${server.url}/api/topup/webhooks/paygentic`] });
    try {
      const client = makeHandler(sender);
      handler = client.handler;
      const created = await client.buy({ packId: "growth" }, "real-delivery-1");
      await sender.session(created.json.paymentUrl, "complete");
      await arrived;
      const lists = (await sender.requests()).filter((r) => r.path.includes("/grants?")).length;
      const status = await client.get(`/purchases/${created.json.purchaseId}`);
      expect(status.json).toMatchObject({ status: "paid", grant: { amount: 5000, source: "purchase" } });
      expect((await sender.requests()).filter((r) => r.path.includes("/grants?")).length).toBe(lists);
    } finally {
      await sender.emu.close();
      await server.close();
    }
  });
});
