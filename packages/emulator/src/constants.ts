/** The demo merchant's fixed test key: apps, docs and tests refer to it. Not a secret. */
export const DEMO_API_KEY = "sk_test_creditkit_demo_4f7a9c2e8b1d6a3f";

/** The fixed Svix signing secret of the demo (`whsec_` + base64 of 32 bytes). */
export const DEMO_WEBHOOK_SECRET = "whsec_Y3JlZGl0a2l0LWVtdWxhdG9yLWRlbW8tc2VjcmV0ISE=";

export const DEFAULT_HOST = "127.0.0.1";
export const CLI_DEFAULT_PORT = 4010;
export const DEFAULT_PAYMENT_EXPIRES_IN_MS = 24 * 60 * 60 * 1000;
/** Request bodies above this are answered 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The request log keeps this many entries (the oldest are dropped). */
export const REQUEST_LOG_LIMIT = 10_000;
/** Purchases are invoiced under this synthetic subscription (the spec requires a subscriptionId). */
export const PURCHASE_SUBSCRIPTION_ID = "sub_grantpurchase";
export const MAX_ROLLOVER = 999_999_999_999;
