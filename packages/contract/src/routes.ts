/** Where the BFF is mounted unless the merchant says otherwise (server `basePath`, widget `basePath`). */
export const DEFAULT_BASE_PATH = "/api/topup";

/** The BFF's routes, relative to the base path. */
export const ROUTES = {
  catalog: "/catalog",
  balance: "/balance",
  grants: "/grants",
  purchases: "/purchases",
  purchase: "/purchases/:purchaseId",
  webhook: "/webhooks/paygentic",
} as const;
