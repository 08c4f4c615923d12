/** At most this many distinct keys are remembered; the oldest is forgotten first. */
const MAX_KEYS = 64;

/**
 * Rate limits a diagnostic log line that anyone on the internet can trigger (a webhook with a bad
 * signature, a cross-site request): at most one line per key per `intervalMs`, and the line that is
 * written says how many were held back since the last one. Per handler instance, in memory: it
 * only keeps the log readable, it guards nothing.
 */
export function createLogThrottle(intervalMs: number, now: () => Date) {
  const byKey = new Map<string, { lastAt: number; held: number }>();
  return {
    /** The number of lines held back since the last one for `key`, or null when this one is held back too. */
    take(key: string): number | null {
      const at = now().getTime();
      const entry = byKey.get(key);
      if (entry && at - entry.lastAt < intervalMs) {
        entry.held++;
        return null;
      }
      byKey.delete(key);
      byKey.set(key, { lastAt: at, held: 0 });
      if (byKey.size > MAX_KEYS) byKey.delete(byKey.keys().next().value as string);
      return entry?.held ?? 0;
    },
  };
}

export type LogThrottle = ReturnType<typeof createLogThrottle>;

/** One line per minute per key is enough to see a misconfiguration without flooding the log. */
export const DIAGNOSTIC_LOG_INTERVAL_MS = 60_000;
