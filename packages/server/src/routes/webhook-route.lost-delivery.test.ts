import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store.ts";
import type { TopUpStore } from "../store/store-types.ts";
import { makeHandler } from "../test-support/make-handler.ts";
import { deliver, expectSettledByWebhook, paidEvent, paidPurchase, signed } from "../test-support/webhooks.ts";

const emu = await emulatorForFile();

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
    const { purchaseId, invoiceId, grantId } = await paidPurchase(client, emu, "lost-delivery-1");
    const message = signed(emu.emu.webhookSecret, paidEvent(invoiceId, grantId), { id: "msg_lost_1" });

    failNextPut();
    const first = await deliver(client, message);
    expect(first.status).toBe(503);
    expect(first.json.error.code).toBe("store_unavailable");

    const retry = await deliver(client, message);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ received: true });
    await expectSettledByWebhook(client, emu, purchaseId, grantId);

    // Once it succeeded, the same message is a duplicate again.
    expect((await deliver(client, message)).json).toEqual({ received: true, duplicate: true });
  });
});
