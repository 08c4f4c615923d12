import { authorizeAdminOrThrow } from "./admin/authorize-admin.ts";
import { createAdminMount } from "./admin/mount.ts";
import type { TopUpConfig } from "./config/config-types.ts";
import { type ParsedConfig, parseConfig } from "./config/parse-config.ts";
import { createEntitlementCache } from "./entitlement-cache.ts";
import { rememberHandlerSettings } from "./handler-settings.ts";
import { ApiError } from "./http/api-error.ts";
import { readBodyText, readJsonBody } from "./http/read-body.ts";
import { errorResponse, internalErrorResponse } from "./http/respond.ts";
import { assertJsonContentType, assertSameOrigin, isStateChanging } from "./http/same-origin-guard.ts";
import { parseOrThrow, segment } from "./http/zod-issues.ts";
import { resolveCustomerOrThrow } from "./resolve-customer.ts";
import { type AnyRoute, matchRoute, type RouteContext } from "./router.ts";
import { buildRoutes } from "./routes.ts";
import { guardStore } from "./store/guarded-store.ts";
import type { PurchaseRecord } from "./store/store-types.ts";
import { toApiError } from "./upstream-errors.ts";
import { createUpstreamReads } from "./upstream-reads.ts";

export type TopUpHandler = (request: Request) => Promise<Response>;

/**
 * Builds the BFF: a framework-neutral `Request → Response` function. The config is validated
 * here, once (a bad config throws one TopUpConfigError naming every bad field). Every answer is
 * JSON, including every error; anything unexpected is a generic 500 with the details only logged.
 */
export function createTopUpHandler(input: TopUpConfig): TopUpHandler {
  const parsed = parseConfig(input);
  const config: ParsedConfig = { ...parsed, store: guardStore(parsed.store, parsed.logger) };
  const routes = buildRoutes(config.catalog);
  const reads = createUpstreamReads(config.store, config.readRateLimit, config.now, config.logger);
  const entitlements = createEntitlementCache(config.entitlementCacheMs, config.now, config.logger, reads);
  const inflightPurchases = new Map<string, Promise<PurchaseRecord>>();
  const queries = createQueryMemo();
  const admin = createAdminMount(config);

  const handleTopUp: TopUpHandler = async (request) => {
    // One deadline for everything this request asks of Paygentic (on the real clock, not
    // config.now, which tests pin): a hanging Paygentic is a 504 at the deadline, not after
    // every attempt's timeout.
    const deadline = Date.now() + config.requestDeadlineMs;
    try {
      const url = new URL(request.url);
      // The admin routes have their own base path (a 404 when the merchant enabled none).
      const mounted = admin.match(url.pathname) ?? { routes, relative: relativePath(url.pathname, config.basePath) };
      // HEAD is a GET without a body (the platform drops the body).
      const method = request.method.toUpperCase() === "HEAD" ? "GET" : request.method.toUpperCase();
      const { route, params } = matchRoute(mounted.routes, method, mounted.relative);
      const ctx = await prepare(route, request, url, params, config, queries);
      const client = config.client.with({ deadline });
      // Object.assign on the context prepare() just built, not `{ ...ctx, client, … }`: on Node 20 a
      // spread followed by new keys cost ~7 µs per request (issue 13, cheap per request).
      return await route.handle(Object.assign(ctx, { client, deadline, reads, entitlements, inflightPurchases }));
    } catch (error) {
      const apiError = toApiError(error, config.logger);
      if (apiError) return errorResponse(apiError);
      config.logger.error("unexpected error in the top-up handler", {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      return internalErrorResponse();
    }
  };
  // For the server adapters (@creditkit/server/node): see handler-settings.ts.
  rememberHandlerSettings(handleTopUp, {
    publicOrigin: config.publicOrigin,
    basePath: config.basePath,
    logger: input.logger === undefined ? undefined : config.logger,
  });
  return handleTopUp;
}

/**
 * The security checks and input validation, in the order that leaks least and costs least:
 * origin and content type, then who is asking, then the inputs (the body is read, under its size
 * limit, only for a caller who passed the earlier checks).
 */
async function prepare(
  route: AnyRoute,
  request: Request,
  url: URL,
  rawParams: Record<string, string>,
  config: ParsedConfig,
  queries: QueryMemo,
): Promise<
  Omit<
    RouteContext<unknown, unknown, unknown, unknown>,
    "client" | "deadline" | "reads" | "entitlements" | "inflightPurchases"
  >
> {
  if (isStateChanging(request.method)) {
    // Webhooks come from Paygentic's servers, not a browser: their signature is their proof.
    if (route.auth !== "signature") {
      assertSameOrigin(request, config.publicOrigin, (message, fields) => {
        // Anyone's page can send these: one line a minute per origin received.
        const held = config.diagnostics.take(`origin:${fields.received}`);
        if (held !== null) config.logger.warn(message, held > 0 ? { ...fields, heldBack: held } : fields);
      });
    }
    assertJsonContentType(request);
  }
  const customer =
    route.auth === "customer" ? await resolveCustomerOrThrow(config.resolveCustomer, request, config.logger) : null;
  const admin = route.auth === "admin" ? await authorizeAdminOrThrow(config, request, url) : null;

  const params = route.params ? parseOrThrow(route.params, rawParams) : rawParams;
  const query = route.query ? queries.parse(route, url) : {};
  const headers = route.headers
    ? parseOrThrow(route.headers, headerObject(request, Object.keys(route.headers.shape)))
    : {};
  let body: unknown;
  if (route.body === "raw") body = await readBodyText(request, config.maxBodyBytes);
  else if (route.body) body = parseOrThrow(route.body, await readJsonBody(request, config.maxBodyBytes));
  return { request, config, customer, admin, params, query, headers, body };
}

/** How many distinct valid query strings each route keeps parsed (oldest dropped first). */
const QUERY_MEMO_SIZE = 256;

/**
 * The parsed query of each route, by its exact query string (issue 13, cheap per request). Parsing
 * `?limit=10&offset=0&includeVoided=false` with the strict zod schema cost about 0.03 ms of every
 * grants request under Next (a CPU profile), and the widget asks with the same few query strings
 * again and again. A route's query schema is pure (no refinement reads state), so the same string
 * always gives the same answer: each string is still checked in full the first time, only a
 * string that passed is remembered, and a refused one is refused afresh, with the same 400, on
 * every request. The result is frozen: every request shares it, so none may change it.
 */
function createQueryMemo() {
  const byRoute = new Map<AnyRoute, Map<string, unknown>>();
  return {
    parse(route: AnyRoute, url: URL): unknown {
      let parsed = byRoute.get(route);
      if (!parsed) {
        parsed = new Map();
        byRoute.set(route, parsed);
      }
      const hit = parsed.get(url.search);
      if (hit !== undefined) return hit;
      const query = Object.freeze(parseOrThrow(route.query as NonNullable<AnyRoute["query"]>, queryObject(url)));
      parsed.set(url.search, query);
      if (parsed.size > QUERY_MEMO_SIZE) parsed.delete(parsed.keys().next().value as string);
      return query;
    },
  };
}

type QueryMemo = ReturnType<typeof createQueryMemo>;

function relativePath(pathname: string, basePath: string): string {
  if (pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length);
  throw new ApiError("not_found", "There is nothing here.");
}

/**
 * Query parameters as an object; a repeated parameter is ambiguous and refused. Each is defined
 * as an own property: a plain assignment of "__proto__" would hit the prototype setter and vanish,
 * so the strict schema could not refuse it.
 */
function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(out, key)) {
      const field = segment(key);
      throw new ApiError("validation_failed", `The request is invalid: ${field}: must be given once.`, {
        field,
        issues: [{ field, message: "must be given once" }],
      });
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function headerObject(request: Request, names: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of names) out[name] = request.headers.get(name) ?? undefined;
  return out;
}
