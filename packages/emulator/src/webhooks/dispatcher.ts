import { Webhook } from "svix";
import type { EmulatorLogger } from "../runtime.ts";
import { Timers } from "../timers.ts";

/** Waits before each retry (after the first attempt): bounded, so a dead receiver costs 6 tries. */
export const WEBHOOK_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
const ATTEMPT_TIMEOUT_MS = 10_000;

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

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.signer = new Webhook(options.secret);
    this.delays = options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  }

  /** Queues one message to every configured URL. */
  send(messageId: string, payload: unknown): void {
    const body = JSON.stringify(payload);
    for (const url of this.options.urls) void this.attempt(url, messageId, body, 0);
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

  private async attempt(url: string, messageId: string, body: string, attempt: number): Promise<void> {
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    let failure: string | undefined;
    try {
      const now = new Date();
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
      if (!response.ok) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).message;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (failure === undefined || generation !== this.generation) return;
    const delay = this.delays[attempt];
    if (delay === undefined) {
      this.options.logger.warn?.(`webhook ${messageId} to ${url} gave up after ${attempt + 1} attempts: ${failure}`);
      return;
    }
    this.options.logger.info?.(`webhook ${messageId} to ${url} failed (${failure}); retrying in ${delay} ms`);
    this.timers.after(delay, () => void this.attempt(url, messageId, body, attempt + 1));
  }
}
