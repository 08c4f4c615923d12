import { FaultRegistry } from "./control/faults.ts";
import { RequestLog } from "./control/request-log.ts";
import { IdGenerator } from "./ids.ts";
import type { EmulatorConfig, Runtime } from "./runtime.ts";
import { buildStore } from "./seed/build-store.ts";
import { assignSeedIds, loadSeed, type SeedSource } from "./seed/load-seed.ts";
import type { ParsedSeed } from "./seed/seed-schema.ts";
import type { GrantRecord, InvoiceRecord } from "./store/records.ts";
import { Clock } from "./time/clock.ts";
import { Timers } from "./timers.ts";
import { WebhookDispatcher } from "./webhooks/dispatcher.ts";
import { invoicePaidEvent } from "./webhooks/invoice-paid-event.ts";

export type SeedInfo = {
  apiKey: string;
  merchantId: string;
  merchantName: string;
  customers: Array<{ customerId: string; externalId: string; entitlementId: string; name: string; email: string }>;
};

export interface CoreOptions {
  seed: SeedSource;
  deterministic: boolean;
  /** Epoch ms the clock starts at, or undefined for real time. */
  startAt: number | undefined;
  config: EmulatorConfig;
  webhookUrls: string[];
  webhookSecret: string;
}

/**
 * The emulator without its socket: state, clock, ids, timers, webhooks, faults and the request
 * log, plus reset. The HTTP layer reads `rt.store` on every request, so a reset swaps it whole.
 */
export class EmulatorCore {
  readonly rt: Runtime;
  readonly faults = new FaultRegistry();
  readonly requests = new RequestLog();
  readonly webhooks: WebhookDispatcher;
  /** Timers of delayed answers (delay faults): cleared only on close. */
  readonly answerTimers = new Timers();
  private readonly seed: ParsedSeed;
  private readonly anchor: number;

  constructor(options: CoreOptions) {
    const ids = new IdGenerator(options.deterministic);
    const clock = Clock.startingAt(options.startAt);
    this.seed = assignSeedIds(loadSeed(options.seed), ids);
    ids.checkpoint();
    // With a fixed start the seed is anchored exactly there, so its times are reproducible.
    this.anchor = options.startAt ?? clock.now();
    this.webhooks = new WebhookDispatcher({
      urls: options.webhookUrls,
      secret: options.webhookSecret,
      logger: options.config.logger,
    });
    this.rt = {
      config: options.config,
      clock,
      ids,
      store: buildStore(this.seed, this.anchor),
      timers: new Timers(),
      onInvoicePaid: (invoice, grant) => this.invoicePaid(invoice, grant),
    };
  }

  /** Back to the seeded state: store, ids, clock offset, timers, webhook retries, faults, log. */
  reset(): void {
    this.rt.timers.clearAll();
    this.webhooks.stop();
    this.webhooks.clear();
    this.faults.clear();
    this.requests.clear();
    this.rt.clock.reset();
    this.rt.ids.rewind();
    this.rt.store = buildStore(this.seed, this.anchor);
  }

  seedInfo(): SeedInfo {
    const { store } = this.rt;
    return {
      apiKey: store.merchant.apiKey,
      merchantId: store.merchant.id,
      merchantName: store.merchant.name,
      customers: this.seed.customers.map((c) => {
        const ent = store.entitlementsByCustomer.get(c.id!)?.find((e) => e.feature.type === "metered");
        return {
          customerId: c.id!,
          externalId: c.externalId ?? "",
          entitlementId: ent?.id ?? "",
          name: c.name,
          email: c.email,
        };
      }),
    };
  }

  stop(): void {
    this.rt.timers.clearAll();
    this.answerTimers.clearAll();
    this.webhooks.stop();
  }

  private invoicePaid(invoice: InvoiceRecord, grant: GrantRecord): void {
    const eventId = this.rt.ids.next("evt");
    const event = invoicePaidEvent(eventId, invoice, grant, this.rt.store.merchant);
    this.webhooks.send(`msg_${eventId.slice("evt_".length)}`, event);
  }
}
