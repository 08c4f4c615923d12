import type { CatalogBody } from "@creditkit/contract";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";

/** GET /catalog: the server-side catalog, which is the only source of prices. No upstream call. */
export async function getCatalog({ config }: RouteContext<unknown, unknown, unknown, unknown>): Promise<Response> {
  const { currency, packs, custom } = config.catalog;
  return json<CatalogBody>(200, { currency, packs, custom });
}
