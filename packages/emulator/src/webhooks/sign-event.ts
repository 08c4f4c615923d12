import { randomUUID } from "node:crypto";
import { Webhook } from "svix";

export interface SignedWebhook {
  /** The headers Svix sends: svix-id, svix-timestamp, svix-signature, and content-type. */
  headers: Record<string, string>;
  /** The exact body that was signed: send it byte for byte. */
  body: string;
}

export interface SignOptions {
  /** The svix-id (default a fresh `msg_…`); reuse one to test that your receiver deduplicates. */
  id?: string;
  /** When it was signed (default now): an old one tests your receiver's timestamp tolerance. */
  timestamp?: Date;
}

/**
 * Signs any event as the emulator (and Paygentic, through Svix) signs its webhooks, with the
 * `svix` package and your endpoint's signing secret (`whsec_…`): for events the emulator does not
 * send by itself, a forged or replayed delivery, or a receiver under test without an emulator.
 */
export function signWebhookEvent(secret: string, event: unknown, options: SignOptions = {}): SignedWebhook {
  const id = options.id ?? `msg_${randomUUID().replaceAll("-", "")}`;
  const timestamp = options.timestamp ?? new Date();
  const body = typeof event === "string" ? event : JSON.stringify(event);
  return {
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, timestamp, body),
    },
    body,
  };
}

/** Signs the event and POSTs it to your webhook URL; resolves with your endpoint's response. */
export async function sendWebhookEvent(
  url: string,
  secret: string,
  event: unknown,
  options: SignOptions = {},
): Promise<Response> {
  const { headers, body } = signWebhookEvent(secret, event, options);
  return fetch(url, { method: "POST", headers, body });
}
