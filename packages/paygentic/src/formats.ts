/**
 * Formats of Paygentic's own strings, defined once for everything that checks them: the BFF's
 * config, the reference app's environment, the emulator's options and CLI, the log scrubber and the
 * schemas of Paygentic's answers. Dependency-free (its own entry point, `@creditkit/paygentic/formats`)
 * so a Next.js proxy or a CLI can check a value without loading zod or the client.
 */

const SECRET_KEY = "sk_(test|live)_[A-Za-z0-9_]+";

/** A Paygentic secret key: `sk_test_…` (sandbox) or `sk_live_…`. */
export const SECRET_KEY_PATTERN = new RegExp(`^${SECRET_KEY}$`);

/** Every secret-key-shaped run in a text (global; capture group 1 is `test` or `live`), for scrubbing logs. */
export const SECRET_KEY_IN_TEXT = new RegExp(SECRET_KEY, "g");

/** A Svix signing secret as Paygentic hands it out: `whsec_` followed by base64. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** A three-letter ISO 4217 currency code. Paygentic accepts and answers either case; CreditKit upper-cases. */
export const CURRENCY_CODE_PATTERN = /^[A-Za-z]{3}$/;

export const isSecretKey = (value: string): boolean => SECRET_KEY_PATTERN.test(value);
export const isWebhookSecret = (value: string): boolean => WEBHOOK_SECRET_PATTERN.test(value);
export const isCurrencyCode = (value: string): boolean => CURRENCY_CODE_PATTERN.test(value);
