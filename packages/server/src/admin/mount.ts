import type { ParsedConfig } from "../config/parse-config.ts";
import type { AnyRoute } from "../router.ts";
import { buildAdminRoutes } from "./admin-routes.ts";

/**
 * Where the admin routes are served: under their own base path, only when the merchant passed
 * `authorizeAdmin`. `match` answers null for every other path (the customer routes take it).
 */
export function createAdminMount(config: ParsedConfig) {
  const admin = config.admin;
  const routes: readonly AnyRoute[] | null = admin ? buildAdminRoutes(admin, config.now) : null;
  return {
    match(pathname: string): { routes: readonly AnyRoute[]; relative: string } | null {
      if (!admin || !routes || !pathname.startsWith(`${admin.basePath}/`)) return null;
      return { routes, relative: pathname.slice(admin.basePath.length) };
    },
  };
}
