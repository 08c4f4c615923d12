/**
 * How the widget polls a purchase after the customer returns (or while a payment window is open).
 * A payment usually settles within seconds of the return, so checks are frequent at first (the
 * customer sees "credited" within a quarter second of the grant, webhook or not) and back off
 * after `fastForMs`, so a purchase that stays pending costs little. The schedule is decided by
 * decideWatch (purchase-watch.ts).
 */
export interface PollingOptions {
  /** Delay between checks during the first `fastForMs`. Default 250 ms. */
  initialDelayMs?: number;
  /** How long checks stay that frequent. Default 10 s. */
  fastForMs?: number;
  /** After that, delays grow by this factor… Default 1.5. */
  factor?: number;
  /** …up to this. Default 5000 ms. */
  maxDelayMs?: number;
  /** After this long without a final status the widget says "still processing" and stops. Default 60 s. */
  timeoutMs?: number;
}

export const DEFAULT_POLLING: Required<PollingOptions> = {
  initialDelayMs: 250,
  fastForMs: 10_000,
  factor: 1.5,
  maxDelayMs: 5000,
  timeoutMs: 60_000,
};
