/** How the widget polls a purchase after the customer returns (or while a payment window is open). */
export interface PollingOptions {
  /** First delay between checks. Default 1000 ms. */
  initialDelayMs?: number;
  /** Delays grow by this factor… Default 1.5. */
  factor?: number;
  /** …up to this. Default 5000 ms. */
  maxDelayMs?: number;
  /** After this long without a final status the widget says "still processing" and stops. Default 60 s. */
  timeoutMs?: number;
}

export const DEFAULT_POLLING: Required<PollingOptions> = {
  initialDelayMs: 1000,
  factor: 1.5,
  maxDelayMs: 5000,
  timeoutMs: 60_000,
};

/** Delay before check number `attempt` (0-based): initial × factor^attempt, capped. */
export function pollDelay(attempt: number, options: Required<PollingOptions>): number {
  return Math.min(options.maxDelayMs, Math.round(options.initialDelayMs * options.factor ** attempt));
}
