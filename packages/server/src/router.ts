import type { PaygenticClient } from "@creditkit/paygentic";
import type { z } from "zod";
import type { AdminActor } from "./admin/admin-config.ts";
import type { ResolvedCustomer } from "./config/config-types.ts";
import type { ParsedConfig } from "./config/parse-config.ts";
import type { EntitlementCache } from "./entitlement-cache.ts";
import { ApiError } from "./http/api-error.ts";
import type { PurchaseRecord } from "./store/store-types.ts";
import type { UpstreamReads } from "./upstream-reads.ts";

/** What every route handler gets: validated inputs and the shared parts of the handler. */
export interface RouteContext<P, Q, H, B> {
  request: Request;
  config: ParsedConfig;
  /**
   * The Paygentic client for THIS request: every call through it shares the request's deadline
   * (`requestDeadlineMs` from its arrival). Routes call Paygentic only through this, never
   * `config.client`.
   */
  client: PaygenticClient;
  /** When this request's time with Paygentic is up (epoch ms, `Date.now()`'s clock). */
  deadline: number;
  /** Shared upstream reads and the per-customer read budget (upstream-reads.ts). */
  reads: UpstreamReads;
  entitlements: EntitlementCache;
  /** Purchases being created right now in this process, by purchaseId (double clicks share one). */
  inflightPurchases: Map<string, Promise<PurchaseRecord>>;
  /** Set on every route whose auth is "customer" (all but the webhook). */
  customer: ResolvedCustomer | null;
  /** Set on every route whose auth is "admin": who the merchant's authorizeAdmin says is acting. */
  admin: AdminActor | null;
  params: P;
  query: Q;
  headers: H;
  /** The parsed body, or the raw text for `body: "raw"` routes (signature checks need the bytes). */
  body: B;
}

export interface RouteSpec<P, Q, H, B> {
  method: "GET" | "POST";
  /** Relative to basePath; ":name" captures one segment. */
  path: string;
  /**
   * "customer": resolveCustomer must name one (401 otherwise). "signature": the handler verifies.
   * "admin": authorizeAdmin must name an actor (403 otherwise); resolveCustomer is never asked.
   */
  auth: "customer" | "signature" | "admin";
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** An object schema whose keys are header names (read case-insensitively). */
  headers?: z.ZodObject & z.ZodType<H>;
  body?: z.ZodType<B> | "raw";
  handle(ctx: RouteContext<P, Q, H, B>): Promise<Response>;
}

// biome-ignore lint/suspicious/noExplicitAny: a route table holds routes of different input types
export type AnyRoute = RouteSpec<any, any, any, any>;

/** Keeps each route's input types tied to its handler while the table stays one list. */
export function defineRoute<
  P = Record<string, never>,
  Q = Record<string, never>,
  H = Record<string, never>,
  B = undefined,
>(spec: RouteSpec<P, Q, H, B>): AnyRoute {
  return spec;
}

export interface RouteMatch {
  route: AnyRoute;
  params: Record<string, string>;
}

/** Finds the route for a path relative to basePath: 404 for an unknown path, 405 (with Allow) for a wrong method. */
export function matchRoute(routes: readonly AnyRoute[], method: string, relativePath: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, relativePath);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length === 0) throw new ApiError("not_found", "There is nothing here.");
  throw new ApiError("method_not_allowed", `Use ${allowed.join(" or ")} on this path.`, {
    headers: { allow: allowed.join(", ") },
  });
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      if (g === "") return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}
