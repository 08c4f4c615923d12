/**
 * The Next.js App Router adapter: `app/api/topup/[...path]/route.ts` needs only
 *
 *   import { createTopUpHandler } from "@creditkit/server";
 *   import { toNextHandlers } from "@creditkit/server/next";
 *   export const { GET, POST } = toNextHandlers(createTopUpHandler(config));
 *
 * Route handlers in the App Router already receive a web `Request` and return a `Response`, so
 * the adapter is only a method map; no `next` import is needed.
 */
import type { TopUpHandler } from "./handler.ts";

export type NextRouteHandler = (request: Request) => Promise<Response>;

export function toNextHandlers(
  handler: TopUpHandler,
): Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", NextRouteHandler> {
  // Every method goes to the handler, so a wrong method gets the contract's JSON 405, not Next's.
  const route: NextRouteHandler = (request) => handler(request);
  return { GET: route, POST: route, PUT: route, PATCH: route, DELETE: route };
}

export { createTopUpHandler } from "./handler.ts";
