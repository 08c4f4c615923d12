import type { IdGenerator } from "./ids.ts";
import type { GrantRecord, InvoiceRecord } from "./store/records.ts";
import type { Store } from "./store/store.ts";
import type { Clock } from "./time/clock.ts";
import type { Timers } from "./timers.ts";

export interface EmulatorLogger {
  info?(msg: string): void;
  warn?(msg: string): void;
}

export interface EmulatorConfig {
  /** Origin used in payment URLs, without a trailing slash. */
  publicUrl: string;
  /** The host the server is bound to (its name is accepted in `Host` by the control routes). */
  host?: string;
  settleDelayMs: number;
  paymentExpiresInMs: number;
  logger: EmulatorLogger;
}

/**
 * Everything a handler needs. `store` is replaced on reset, so handlers read it from here on
 * every request rather than keeping it.
 */
export interface Runtime {
  config: EmulatorConfig;
  clock: Clock;
  ids: IdGenerator;
  store: Store;
  /** Cleared on reset and close: settle delays and webhook retries. */
  timers: Timers;
  /** Called once when a purchase is paid and its grant exists. */
  onInvoicePaid(invoice: InvoiceRecord, grant: GrantRecord): void;
}
