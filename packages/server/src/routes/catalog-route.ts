import type { CatalogBody } from "@creditkit/contract";
import { json } from "../http/respond.ts";
import type { RouteContext } from "../router.ts";

/**
 * GET /catalog[?locale=de-DE]: the server-side catalog, which is the only source of prices, with
 * its texts in the widget's locale (or the catalog's default locale). No upstream call.
 */
export async function getCatalog({
  config,
  query,
}: RouteContext<unknown, { locale?: string }, unknown, unknown>): Promise<Response> {
  const { currency, packs, custom } = config.catalogIn(query.locale);
  return json<CatalogBody>(200, { currency, packs, custom });
}
