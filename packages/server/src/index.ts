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
export type { GrantView } from "./grant-view.ts";
export { createTopUpHandler, type TopUpHandler } from "./handler.ts";
export { ERROR_STATUS, type ErrorCode } from "./http/api-error.ts";
export { assertJsonContentType, assertSameOrigin } from "./http/same-origin-guard.ts";
export type { Catalog, CustomAmount, Pack } from "./pricing.ts";
export { derivePurchaseKeys, purchaseIdFromUpstreamKey } from "./purchase-keys.ts";
export type { PurchaseStatus } from "./purchase-status.ts";
export { createMemoryStore, type MemoryStoreOptions } from "./store/memory-store.ts";
export type { PurchaseRecord, TopUpStore, WindowCount } from "./store/store-types.ts";
