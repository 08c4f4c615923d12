import type { Client } from "@creditkit/test-kit/handler-client";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import { Webhook } from "svix";
import { expect } from "vitest";

/** Svix-signed webhook messages, built the way Paygentic's sender builds them. */

let counter = 0;

export interface SignedMessage {
  body: string;
  headers: Record<string, string>;
}

export function signed(secret: string, payload: unknown, options: { id?: string; at?: Date } = {}): SignedMessage {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_support_${++counter}`;
  const at = options.at ?? new Date();
  return {
    body,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}

export function paidEvent(invoiceId: string, grantId: string) {
  return {
    eventType: "invoice.paid.v0",
    eventId: `evt_support_${++counter}`,
    timestamp: new Date().toISOString(),
    data: { invoiceId, grantId, status: "PAID", paidAt: new Date().toISOString() },
  };
}

/** Webhooks come from Paygentic's servers: no Origin of ours, no customer session. */
export function deliver(client: Client, message: SignedMessage, extra: Record<string, string> = {}) {
  return client.post("/webhooks/paygentic", message.body, {
    as: null,
    headers: { ...message.headers, ...extra, origin: "https://api.svix.com", "sec-fetch-site": "cross-site" },
  });
}

/** A starter pack bought and paid upstream, with the ids Paygentic's invoice.paid.v0 would carry. */
export async function paidPurchase(client: Client, emu: TestEmulator, attemptKey: string) {
  const created = await client.buy({ packId: "starter" }, attemptKey);
  const { invoiceId } = (await emu.session(created.json.paymentUrl, "complete")) as { invoiceId: string };
  const grantId: string = (await client.get("/grants")).json.grants[0].id;
  return { purchaseId: created.json.purchaseId as string, invoiceId, grantId };
}

/** The purchase answers `paid` with its grant from the store alone: a webhook settled it, no grant listing. */
export async function expectSettledByWebhook(client: Client, emu: TestEmulator, purchaseId: string, grantId: string) {
  const lists = async () => (await emu.requests()).filter((r) => r.path.includes("/grants?")).length;
  const before = await lists();
  const status = await client.get(`/purchases/${purchaseId}`);
  expect(status.json).toMatchObject({ status: "paid", grant: { id: grantId, purchaseId } });
  expect(await lists()).toBe(before);
}
