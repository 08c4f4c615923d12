/**
 * @creditkit/contract: the one definition of the BFF's HTTP API, shared by @creditkit/server (which
 * answers it) and @creditkit/react (which calls it). Types cost the widget nothing (`import type`);
 * the runtime parts are a few constants and the exact pricing rule. Depends on nothing.
 */

export type { BalanceBody, GrantSource, GrantStatus, GrantsPageBody, GrantsQuery, GrantView } from "./account.ts";
export { GRANTS_PAGE_LIMITS } from "./account.ts";
export {
  ADMIN_GRANT_KINDS,
  ADMIN_REASON_LIMITS,
  ADMIN_ROUTES,
  type AdminCustomerBody,
  type AdminCustomerQuery,
  type AdminGrantBody,
  type AdminGrantKind,
  type AdminGrantRequest,
  type AdminReasonRequest,
  type AdminRefundBody,
  type AdminRefundFailedBody,
  type AdminVoidBody,
  DEFAULT_ADMIN_BASE_PATH,
} from "./admin.ts";
export { type CatalogBody, type CatalogPack, CURRENCY_PATTERN, type CustomAmountRules } from "./catalog.ts";
export {
  type CustomAmountCheck,
  type CustomAmountProblem,
  checkCustomAmount,
  customAmountPrice,
} from "./custom-amount.ts";
export {
  compareDecimal,
  currencyMinorDigits,
  DECIMAL_PATTERN,
  type Decimal,
  formatDecimal,
  isDecimalString,
  multiplyDecimal,
  parseDecimal,
  type RoundingMode,
  roundDecimal,
} from "./decimal.ts";
export { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldIssue } from "./error-codes.ts";
export { ATTEMPT_KEY_HEADER, ATTEMPT_KEY_PATTERN, ATTEMPT_KEY_RULE, PURCHASE_ID_PATTERN } from "./identifiers.ts";
export {
  isFinalStatus,
  PURCHASE_STATUSES,
  type PurchaseCreatedBody,
  type PurchaseSelection,
  type PurchaseStatus,
  type PurchaseStatusBody,
} from "./purchases.ts";
export { PURCHASE_PARAM, RESULT_PARAM, type ReturnResult } from "./return-url.ts";
export { DEFAULT_BASE_PATH, ROUTES } from "./routes.ts";
