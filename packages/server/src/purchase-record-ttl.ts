/**
 * Records outlive their payment session by a week, so a late return, a poll from a tab left open
 * or Svix's redelivery of the paid event (retried for about a day) still finds the purchase.
 */
const RECORD_GRACE_SECONDS = 7 * 24 * 60 * 60;

/**
 * How long the store keeps a purchase record, in seconds, counted from `now`: the rest of its payment
 * session plus the grace week. Every write of a record (creation, settlement by poll or by webhook)
 * uses this one rule, so a rewrite never shortens or stretches a record's life.
 */
export function purchaseRecordTtl(record: { expiresAt: string }, now: Date): number {
  const sessionLeft = Math.max(0, Math.ceil((Date.parse(record.expiresAt) - now.getTime()) / 1000));
  return sessionLeft + RECORD_GRACE_SECONDS;
}
