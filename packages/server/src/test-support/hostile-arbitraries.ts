import fc from "fast-check";

/**
 * Generators of hostile input for the property tests (handler.hostile-input.test.ts): keys that
 * try prototype pollution or smuggle fields the browser may not choose, wrong types, unicode,
 * huge and deeply nested values. Everything here is meant to be REFUSED.
 */

export const POLLUTION_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "then",
];
/** Fields a caller might try to set that only the server decides. */
export const SMUGGLED_KEYS = [
  "price",
  "amount",
  "customerId",
  "entitlementId",
  "successUrl",
  "cancelUrl",
  "paymentUrl",
  "expiresAt",
  "idempotencyKey",
  "currency",
  "grantAmount",
];

const unicode = fc.string({ unit: "grapheme", maxLength: 40 });
const binary = fc.string({ unit: "binary", maxLength: 40 });
export const hostileKey = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS, ...SMUGGLED_KEYS, "packId", "credits", ""),
  unicode,
  binary,
);

export const hostileScalar = fc.oneof(
  fc.constantFrom("starter", "growth", "scale", "mega", "STARTER", " starter", "starter\u0000", "１０００"),
  fc.constantFrom(2500, 2550, 0, -1000, 1e21, 2 ** 53 + 1, 0.1 + 0.2, 1000.0000001, Number.MAX_VALUE, -0),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  unicode,
  binary,
  fc.string({ minLength: 1000, maxLength: 4000 }),
);

/** Any JSON value built from hostile keys and scalars, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 4, depthSize: "small" }, hostileScalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(hostileKey, tie("value"), { maxKeys: 6, noNullPrototype: true }),
})).value;

/** A purchase body that is at least one step away from a valid one. */
export const hostilePurchaseBody = fc.oneof(
  hostileJson,
  // A valid body plus a smuggled or polluting field.
  fc.record({
    base: fc.constantFrom<Record<string, unknown>>({ packId: "starter" }, { credits: 2500 }),
    key: fc.constantFrom(...POLLUTION_KEYS, ...SMUGGLED_KEYS),
    value: hostileJson,
  }),
  // The right keys with the wrong types or values.
  fc.record({ packId: hostileScalar }).filter((b) => !["starter", "growth", "scale"].includes(b.packId as string)),
  fc.record({ credits: hostileScalar }).filter((b) => !isValidCustomCredits(b.credits)),
);

/** Serialises a body with the smuggled key kept as an own property (JSON.parse keeps "__proto__"). */
export function bodyText(body: unknown): string {
  if (body && typeof body === "object" && "base" in body && "key" in body && "value" in body) {
    const { base, key, value } = body as { base: object; key: string; value: unknown };
    return `${JSON.stringify(base).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}}`;
  }
  return JSON.stringify(body) ?? "null";
}

/** The demo catalog's custom rules (500–100 000, step 100, ≥ 0.50 at 0.01 each). */
export function isValidCustomCredits(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 500 && value <= 100_000 && value % 100 === 0;
}

/** Raw bytes and text that are not JSON, or not UTF-8, or JSON with traps in it. */
export const hostileRawBody = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(
    "",
    "{",
    "{packId:'starter'}",
    '{"packId":"starter"',
    '{"packId":"starter"}{"packId":"growth"}',
    '{"packId":"starter","packId":"growth","price":"0.01"}',
    "\ufeff{}",
    "NaN",
    "undefined",
    '{"credits":1e400}',
    '{"credits":-0}',
    '{"__proto__":{"packId":"starter"}}',
    '{"constructor":{"prototype":{"packId":"starter"}}}',
  ),
  fc
    .integer({ min: 1, max: 5000 })
    .chain((depth) =>
      fc.constantFrom(
        `${"[".repeat(depth)}${"]".repeat(depth)}`,
        `${'{"packId":'.repeat(depth)}"starter"${"}".repeat(depth)}`,
        `{"packId":"starter","x":${"[".repeat(depth)}${"]".repeat(depth)}}`,
      ),
    ),
);

/** A query string that the contract refuses on every route (unknown, repeated or bad values). */
export const hostileQuery = fc.oneof(
  fc
    .array(fc.tuple(hostileKey, fc.oneof(unicode, binary, fc.constantFrom("1", "true", "", "0x10"))), {
      minLength: 1,
      maxLength: 5,
    })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")),
  fc.constantFrom(
    "limit=0",
    "limit=101",
    "limit=1e2",
    "limit=+5",
    "limit=5.0",
    "limit=%205",
    "limit=ten",
    "limit[]=5",
    "limit[a]=1",
    "offset=-1",
    "offset=1000000000",
    "includeVoided=yes",
    "includeVoided=TRUE",
    "limit=5&limit=6",
    "__proto__=1",
    "__proto__[limit]=1",
    "constructor=1",
    "constructor[prototype][limit]=1",
    "%zz=1",
    "=1",
    "customerId=cus_demobob",
    "entitlementId=ent_demobob",
  ),
);

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, "utf16le")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  }
}

/** A path segment where a purchase id goes, or extra segments after it. */
export const hostileSegment = fc.oneof(
  unicode.map(encode),
  binary.map(encode),
  fc.constantFrom(
    "..",
    "%2e%2e",
    "..%2f..%2fcatalog",
    "%00",
    "%E0%A4%A",
    "__proto__",
    "constructor",
    "pur_",
    `pur_${"0".repeat(31)}`,
    `pur_${"G".repeat(32)}`,
    `PUR_${"a".repeat(32)}`,
    `pur_${"a".repeat(32)}%00`,
    `pur_${"a".repeat(32)}/grants`,
    `pur_${"a".repeat(32)}/`,
    "x".repeat(5000),
  ),
);

/** A header value a Request can carry (latin-1, no CR/LF/NUL). */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.string({ unit: "grapheme-ascii", minLength: 65, maxLength: 2000 }),
);
