import { SECRET_KEY_IN_TEXT } from "@creditkit/paygentic/formats";
import type { TopUpLogger } from "./config/config-types.ts";

export type Level = "info" | "warn" | "error";
export type SafeLogger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/**
 * Wraps the merchant's logger so that no line can carry a secret: every message and field is
 * scrubbed of the configured key (and anything shaped like a Paygentic secret key) before it
 * leaves. Logging must never break a request, so a throwing logger is ignored.
 */
export function createSafeLogger(logger: TopUpLogger | undefined, secrets: string[]): SafeLogger {
  const known = secrets.filter((s) => s.length >= 8);
  const scrub = (text: string) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join("[redacted]");
    return out.replace(SECRET_KEY_IN_TEXT, "sk_$1_[redacted]");
  };
  const emit = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    const fn = logger?.[level];
    if (!fn) return;
    try {
      const safeFields = fields === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(fields))) as object);
      fn.call(logger, scrub(message), safeFields as Record<string, unknown> | undefined);
    } catch {
      // a broken logger must not turn into a failed purchase
    }
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}
