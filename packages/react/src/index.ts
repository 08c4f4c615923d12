"use client";

/**
 * @creditkit/react — the client entry (hooks and components). The server prefetch helper lives in
 * "@creditkit/react/server" so server components can import it without crossing this boundary.
 */

// The BFF's HTTP contract, for code that reads what the hooks return (one definition, shared with
// @creditkit/server).
export {
  type BalanceBody,
  type CatalogBody,
  type CatalogPack,
  type CustomAmountRules,
  type ErrorCode,
  type GrantSource,
  type GrantStatus,
  type GrantsPageBody,
  type GrantsQuery,
  type GrantView,
  isFinalStatus,
  type PurchaseCreatedBody,
  type PurchaseSelection,
  type PurchaseStatus,
  type PurchaseStatusBody,
} from "@creditkit/contract";
export { Balance, type BalanceProps } from "./components/balance.tsx";
export { BuyButton, type BuyButtonProps } from "./components/buy-button.tsx";
export { GrantHistory, type GrantHistoryProps } from "./components/grant-history.tsx";
export { LowBalanceNotice, type LowBalanceNoticeProps } from "./components/low-balance-notice.tsx";
export { PackPicker, type PackPickerProps } from "./components/pack-picker.tsx";
export { PurchaseOutcome, type PurchaseOutcomeProps } from "./components/purchase-outcome.tsx";
export { TopUpWidget, type TopUpWidgetProps } from "./components/top-up-widget.tsx";
export { type CreditKitContextValue, useCreditKit } from "./context.ts";
export type { BffClient, FetchLike } from "./core/bff-client.ts";
export { type ClientErrorCode, CreditKitError } from "./core/errors.ts";
export type { PollingOptions } from "./core/polling.ts";
export { creditKitKeys } from "./core/query-keys.ts";
export type { PackChoice, PricedSelection } from "./core/selection.ts";
export { useBalance } from "./hooks/use-balance.ts";
export type { CreditKitQueryOptions } from "./hooks/use-bff-query.ts";
export { useCatalog } from "./hooks/use-catalog.ts";
export { type UseGrantsOptions, useGrants } from "./hooks/use-grants.ts";
export {
  type CheckoutMode,
  type PurchaseStartState,
  type UsePurchaseOptions,
  usePurchase,
} from "./hooks/use-purchase.ts";
export { usePurchaseReturn } from "./hooks/use-purchase-return.ts";
export { type UsePurchaseStatusOptions, usePurchaseStatus } from "./hooks/use-purchase-status.ts";
export { en, type MessageKey, type Messages } from "./messages/en.ts";
export { CreditKitProvider, type CreditKitProviderProps } from "./provider.tsx";
