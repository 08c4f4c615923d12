import { conflict } from "../http/api-error.ts";
import type { EntitlementRecord, IdempotentEntry } from "../store/records.ts";

/**
 * The request's identity for idempotency: its kind and every field of the parsed body, with
 * keys sorted so that field order does not matter.
 */
export function fingerprint(kind: IdempotentEntry["kind"], body: Record<string, unknown>): string {
  return `${kind}:${JSON.stringify(body, Object.keys(body).sort())}`;
}

/**
 * The original answer when this key was already used with the same parameters; a 409 when it
 * was used with others (grants and purchases share one key space per entitlement); undefined
 * when the key is new.
 */
export function replayOrConflict(ent: EntitlementRecord, key: string, print: string): unknown | undefined {
  const entry = ent.idempotency.get(key);
  if (entry === undefined) return undefined;
  if (entry.fingerprint === print) return entry.body;
  throw conflict(
    "IDEMPOTENCY_KEY_REUSED",
    `idempotency key ${JSON.stringify(key)} was already used on this entitlement with different parameters`,
  );
}
