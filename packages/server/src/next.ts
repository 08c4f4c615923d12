/**
 * The Next.js App Router adapter: `app/api/topup/[...path]/route.ts` needs only
 *
 *   import { createTopUpHandler } from "@creditkit/server";
 *   import { toNextHandlers } from "@creditkit/server/next";
 *   export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toNextHandlers(createTopUpHandler(config));
 *
 * Route handlers in the App Router already receive a web `Request` and return a `Response`, so
 * the adapter is only a method map; no `next` import is needed.
 */
import type { TopUpHandler } from "./handler.ts";

export type NextRouteHandler = (request: Request) => Promise<Response>;

/** Every method a Next.js route module can export; the adapter returns a handler for each. */
export const NEXT_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type NextMethod = (typeof NEXT_METHODS)[number];
export type NextRouteHandlers = { readonly [M in NextMethod]: NextRouteHandler };

export function toNextHandlers(handler: TopUpHandler): NextRouteHandlers {
  // Every method goes to the handler, so a wrong one gets the contract's JSON 405 (with Allow), not
  // Next's own answer; HEAD is answered as GET by the handler. Export them all from the route file:
  // a method left out is answered by Next instead.
  const route: NextRouteHandler = (request) => handler(request);
  return { GET: route, HEAD: route, POST: route, PUT: route, PATCH: route, DELETE: route, OPTIONS: route };
}

export { createTopUpHandler } from "./handler.ts";
