export {
  type CallOptions,
  createPaygenticClient,
  type PaygenticClient,
  type PaygenticClientOptions,
} from "./client/create-client.ts";
export { isPaygenticError, PaygenticError, type PaygenticErrorKind } from "./client/errors.ts";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./client/retry.ts";
export type { Logger } from "./client/transport.ts";
export * from "./formats.ts";
export * from "./money.ts";
export * from "./schemas/index.ts";
