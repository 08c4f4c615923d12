import type { Client } from "@creditkit/test-kit/handler-client";
import { Webhook } from "svix";

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
