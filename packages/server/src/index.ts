// The HTTP contract this handler answers (one definition, in @creditkit/contract), for merchants
// who call the BFF from their own code.
export {
  type AdminCustomerBody,
  type AdminGrantBody,
  type AdminGrantRequest,
  type AdminRefundBody,
  type AdminRefundFailedBody,
  type AdminVoidBody,
  type BalanceBody,
  type CatalogBody,
  type CatalogPack,
  type CustomAmountRules,
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  type GrantsPageBody,
  type GrantView,
  type PurchaseCreatedBody,
  type PurchaseSelection,
  type PurchaseStatus,
  type PurchaseStatusBody,
} from "@creditkit/contract";
export type { AdminActor, AdminLimitsInput, AuthorizeAdmin } from "./admin/admin-config.ts";
export type {
  CatalogInput,
  PackInput,
  PaygenticInput,
  ResolveCustomer,
  ResolvedCustomer,
  TopUpConfig,
  TopUpLogger,
} from "./config/config-types.ts";
export { TopUpConfigError } from "./config/parse-config.ts";
export { createTopUpHandler, type TopUpHandler } from "./handler.ts";
// The handler's body reader, for a merchant's own small routes (the demo's sign-in): refuses a body
// over the limit while it streams (error code payload_too_large) and bytes that are not UTF-8
// (invalid_json), so a huge body never sits in memory.
export { readBodyText } from "./http/read-body.ts";
export { assertJsonContentType, assertSameOrigin } from "./http/same-origin-guard.ts";
export { isOrigin } from "./origin.ts";
export { derivePurchaseKeys, purchaseIdFromUpstreamKey } from "./purchase-keys.ts";
export { createMemoryStore, type MemoryStoreOptions } from "./store/memory-store.ts";
// Redis over HTTPS (Upstash's REST protocol): fetch only, so edge runtimes can share one store.
export { createRedisRestStore, type RedisRestStoreOptions } from "./store/redis-rest-store.ts";
export type { PurchaseRecord, TopUpStore, WindowCount } from "./store/store-types.ts";
