import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store.ts";
import type { TopUpStore } from "../store/store-types.ts";
import { makeHandler } from "../test-support/make-handler.ts";
import { deliver, paidEvent, signed } from "../test-support/webhooks.ts";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.emu.close());
beforeEach(() => emu.reset());

/** The real memory store, except that the next `putPurchase` fails once (Redis blipping mid-webhook). */
function storeFailingOnePut() {
  const store = createMemoryStore();
  let failNext = false;
  const flaky: TopUpStore = {
    ...store,
    async putPurchase(record, ttlSeconds) {
      if (failNext) {
        failNext = false;
        throw new Error("connection reset");
      }
      return store.putPurchase(record, ttlSeconds);
    },
  };
  return { store: flaky, failNextPut: () => (failNext = true) };
}

describe("regression: a store failure while settling lost the webhook delivery", () => {
  // The route marked the svix-id seen before writing the settlement, so when the write failed (503)
  // Svix's retry of the same message was answered `duplicate` and the purchase was never settled by it.
  it("settles the purchase on Svix's retry after the first write failed", async () => {
    const { store, failNextPut } = storeFailingOnePut();
    const client = makeHandler(emu, { store });
    const created = await client.buy({ packId: "starter" }, "lost-delivery-1");
    const done = (await emu.session(created.json.paymentUrl, "complete")) as { invoiceId: string };
    const grantId = (await client.get("/grants")).json.grants[0].id;
    const message = signed(emu.emu.webhookSecret, paidEvent(done.invoiceId, grantId), { id: "msg_lost_1" });

    failNextPut();
    const first = await deliver(client, message);
    expect(first.status).toBe(503);
    expect(first.json.error.code).toBe("store_unavailable");

    const retry = await deliver(client, message);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ received: true });

    // Settled by the retried webhook: the status answer needs no grant listing upstream.
    const lists = async () => (await emu.requests()).filter((r) => r.path.includes("/grants?")).length;
    const before = await lists();
    const status = await client.get(`/purchases/${created.json.purchaseId}`);
    expect(status.json).toMatchObject({ status: "paid", grant: { id: grantId, purchaseId: created.json.purchaseId } });
    expect(await lists()).toBe(before);

    // Once it succeeded, the same message is a duplicate again.
    expect((await deliver(client, message)).json).toEqual({ received: true, duplicate: true });
  });
});
