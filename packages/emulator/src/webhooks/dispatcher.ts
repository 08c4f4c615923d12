import { Webhook } from "svix";
import type { EmulatorLogger } from "../runtime.ts";
import { Timers } from "../timers.ts";

/** Waits before each retry (after the first attempt): bounded, so a dead receiver costs 6 tries. */
export const WEBHOOK_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
const ATTEMPT_TIMEOUT_MS = 10_000;

/** One attempt to deliver a message to one URL. */
export interface DeliveryAttempt {
  /** Real time (ISO), like the svix-timestamp it was signed with. */
  at: string;
  /** The receiver's HTTP status, or null when the request failed (refused, timed out, reset). */
  status: number | null;
  /** Why it failed (`HTTP 500`, a network error), or null when it succeeded. */
  error: string | null;
}

/**
 * One message to one URL and every attempt so far (`GET /__emulator/webhooks`): `pending` while
 * a first attempt or a retry is under way, `delivered` once one was answered 2xx, `failed` once
 * every retry was spent.
 */
export interface WebhookDelivery {
  /** The svix-id, the same on every attempt and redelivery. */
  messageId: string;
  eventType: string;
  url: string;
  payload: unknown;
  status: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
}

export interface WebhookDispatcherOptions {
  urls: readonly string[];
  secret: string;
  logger: EmulatorLogger;
  retryDelaysMs?: readonly number[];
}

/**
 * Delivers webhooks the way Svix does: a JSON body signed with the `svix` package (headers
 * svix-id, svix-timestamp, svix-signature), retried with exponential backoff on a non-2xx or a
 * network failure, under the same svix-id and re-signed with a fresh timestamp each time. The
 * svix timestamp is real time (receivers check it against their own clock), whatever the
 * emulator's clock says.
 */
export class WebhookDispatcher {
  private readonly signer: Webhook;
  private readonly timers = new Timers();
  private readonly inFlight = new Set<AbortController>();
  private readonly delays: readonly number[];
  /** Bumped by stop(): an attempt from an older generation never schedules a retry. */
  private generation = 0;
  /** Oldest first; cleared on reset. */
  private readonly log: WebhookDelivery[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.signer = new Webhook(options.secret);
    this.delays = options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  }

  /** Queues one message to every configured URL. */
  send(messageId: string, payload: unknown): void {
    const body = JSON.stringify(payload);
    const eventType = String((payload as { eventType?: unknown } | null)?.eventType ?? "");
    for (const url of this.options.urls) {
      const delivery: WebhookDelivery = { messageId, eventType, url, payload, status: "pending", attempts: [] };
      this.log.push(delivery);
      void this.attempt(delivery, body, 0);
    }
  }

  /** Every delivery since the last reset, oldest first. */
  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) }));
  }

  /**
   * Sends a message again to every URL it went to, under the same svix-id (as Svix's "resend"
   * does: a receiver that deduplicates by id must take it once). False for an unknown id.
   */
  redeliver(messageId: string): boolean {
    const targets = this.log.filter((d) => d.messageId === messageId);
    for (const delivery of targets) {
      delivery.status = "pending";
      void this.attempt(delivery, JSON.stringify(delivery.payload), 0);
    }
    return targets.length > 0;
  }

  /** Forgets the log (reset), after stop(). */
  clear(): void {
    this.log.length = 0;
  }

  /** Cancels pending retries and in-flight deliveries (reset and close). */
  stop(): void {
    this.generation++;
    this.timers.clearAll();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  /** Retries waiting on a timer (for tests of stop()). */
  get pendingRetries(): number {
    return this.timers.size;
  }

  private async attempt(delivery: WebhookDelivery, body: string, attempt: number): Promise<void> {
    const { url, messageId } = delivery;
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    let failure: string | undefined;
    const now = new Date();
    const record: DeliveryAttempt = { at: now.toISOString(), status: null, error: null };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "svix-id": messageId,
          "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
          "svix-signature": this.signer.sign(messageId, now, body),
        },
        body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      if (!response.ok) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).message;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (generation !== this.generation) return;
    record.error = failure ?? null;
    delivery.attempts.push(record);
    if (failure === undefined) {
      delivery.status = "delivered";
      return;
    }
    const delay = this.delays[attempt];
    if (delay === undefined) {
      delivery.status = "failed";
      this.options.logger.warn?.(`webhook ${messageId} to ${url} gave up after ${attempt + 1} attempts: ${failure}`);
      return;
    }
    this.options.logger.info?.(`webhook ${messageId} to ${url} failed (${failure}); retrying in ${delay} ms`);
    this.timers.after(delay, () => void this.attempt(delivery, body, attempt + 1));
  }
}
