/**
 * ISO-8601 durations (`P[nY][nM][nW][nD][T[nH][nM][nS]]`), parsed by hand so that the
 * emulator's clock control, usage periods and grant recurrence all share one definition.
 * Calendar parts (years, months) are added in UTC with end-of-month clamping, so
 * Jan 31 + P1M is Feb 28/29 and Jan 31 + P2M is Mar 31 (each multiple is taken from the anchor).
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** -1 for a leading "-" (only accepted by parseSignedDuration). */
  sign: 1 | -1;
}

const PATTERN =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

const DAY_MS = 86_400_000;

/** Parses an unsigned duration; returns undefined when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  if (text.startsWith("-")) return undefined;
  return parseSignedDuration(text);
}

/** Like parseDuration but also accepts a leading "-" (used for seed times relative to the start). */
export function parseSignedDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  // "P" alone, "PT" and a dangling "T" are not durations.
  if (m.slice(2).every((part) => part === undefined)) return undefined;
  if (text.endsWith("T")) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return {
    sign: m[1] ? -1 : 1,
    years: n(2),
    months: n(3),
    weeks: n(4),
    days: n(5),
    hours: n(6),
    minutes: n(7),
    seconds: n(8),
  };
}

/** True when the duration has no calendar part, so every multiple has the same length. */
export function isFixedLength(d: Duration): boolean {
  return d.years === 0 && d.months === 0;
}

/** Milliseconds of the fixed part (weeks, days, hours, minutes, seconds), unsigned. */
export function fixedPartMs(d: Duration): number {
  return (d.weeks * 7 + d.days) * DAY_MS + d.hours * 3_600_000 + d.minutes * 60_000 + Math.round(d.seconds * 1000);
}

/** A rough length, used only to estimate how many periods fit in a span. */
export function approximateMs(d: Duration): number {
  return (d.years * 12 + d.months) * 30.436875 * DAY_MS + fixedPartMs(d);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `from` plus `times` × the duration (times may be negative), in epoch milliseconds. */
export function addDuration(from: number, d: Duration, times = 1): number {
  const k = times * d.sign;
  let result = from;
  const totalMonths = (d.years * 12 + d.months) * k;
  if (totalMonths !== 0) {
    const date = new Date(from);
    const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + totalMonths;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12;
    const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
    const timeOfDay = from - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    result = Date.UTC(year, month, day) + timeOfDay;
  }
  return result + fixedPartMs(d) * k;
}

/** True when adding the duration once moves time forward (P0D does not). */
export function isPositive(d: Duration): boolean {
  return d.sign === 1 && approximateMs(d) > 0;
}
