/** A purchase id: "pur_" and 32 lower-case hex digits (derived on the server; never chosen by a browser). */
export const PURCHASE_ID_PATTERN = /^pur_[0-9a-f]{32}$/;

/**
 * The `Idempotency-Key` of `POST /purchases`: the widget's per-attempt key, kept across double
 * clicks, retries and reloads. The server derives the upstream key from customer + this key.
 */
export const ATTEMPT_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const ATTEMPT_KEY_RULE = "must be 8–64 characters of A–Z, a–z, 0–9, _ or -";

/** The header that carries the attempt key. */
export const ATTEMPT_KEY_HEADER = "Idempotency-Key";
