import {
  CatalogQuery,
  GrantsQuery,
  IdempotencyHeaders,
  NoQuery,
  PurchaseParams,
  purchaseBodySchema,
} from "./inputs.ts";
import type { Catalog } from "./pricing.ts";
import { type AnyRoute, defineRoute } from "./router.ts";
import { getBalance } from "./routes/balance-route.ts";
import { getCatalog } from "./routes/catalog-route.ts";
import { createPurchase } from "./routes/create-purchase-route.ts";
import { getPurchase } from "./routes/get-purchase-route.ts";
import { listGrants } from "./routes/grants-route.ts";
import { receiveWebhook } from "./routes/webhook-route.ts";

/**
 * THE route table: every route the BFF serves, with the schemas the dispatcher enforces before
 * its handler runs. A route not listed here does not exist (404); a listed path with another
 * method is a 405. Paths are relative to the configured basePath.
 */
export function buildRoutes(catalog: Catalog): readonly AnyRoute[] {
  return [
    defineRoute({ method: "GET", path: "/catalog", auth: "customer", query: CatalogQuery, handle: getCatalog }),
    defineRoute({ method: "GET", path: "/balance", auth: "customer", query: NoQuery, handle: getBalance }),
    defineRoute({ method: "GET", path: "/grants", auth: "customer", query: GrantsQuery, handle: listGrants }),
    defineRoute({
      method: "POST",
      path: "/purchases",
      auth: "customer",
      query: NoQuery,
      headers: IdempotencyHeaders,
      body: purchaseBodySchema(catalog),
      handle: createPurchase,
    }),
    defineRoute({
      method: "GET",
      path: "/purchases/:purchaseId",
      auth: "customer",
      params: PurchaseParams,
      query: NoQuery,
      handle: getPurchase,
    }),
    defineRoute({
      method: "POST",
      path: "/webhooks/paygentic",
      auth: "signature",
      query: NoQuery,
      body: "raw",
      handle: receiveWebhook,
    }),
  ];
}
