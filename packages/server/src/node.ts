/**
 * The Node adapter: serves a CreditKit handler (or any `Request → Response` function) from
 * node:http, https, Express or Connect.
 *
 *   import { toNodeHandler } from "@creditkit/server/node";
 *   app.use("/api/topup", toNodeHandler(createTopUpHandler(config)));   // Express: BEFORE express.json()
 *   http.createServer(toNodeHandler(handler)).listen(3000);             // plain node:http
 *
 * What it takes care of, each the merchant's guess otherwise: the original URL (Express strips the
 * mount path; the handler matches its basePath on the full path), the body streamed into the
 * handler with backpressure (its maxBodyBytes refuses an oversized body mid-stream, the adapter
 * never buffers one), every `set-cookie` line, HEAD without a body, the handler's request aborted
 * when the client disconnects, and a clear answer plus a log line naming the fix when a body
 * parser in front already read the body.
 */
import type { ServerResponse } from "node:http";
import { handlerSettingsOf } from "./handler-settings.ts";
import { ApiError } from "./http/api-error.ts";
import { errorResponse } from "./http/respond.ts";
import { bodyAlreadyRead, bodyAlreadyReadAdvice } from "./node/consumed-body.ts";
import { type NodeRequest, requestOrigin, requestTarget, toWebRequest } from "./node/web-request.ts";
import { writeResponse } from "./node/write-response.ts";

export type { NodeRequest } from "./node/web-request.ts";

/** A node:http request listener that is also Express/Connect middleware (`next` is optional). */
export type NodeHandler = (req: NodeRequest, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

export interface NodeHandlerOptions {
  /**
   * Where the adapter's own log lines go (a misconfiguration it detects before the handler runs).
   * Default: the handler's configured `logger`, else `console`.
   */
  logger?: { error?(message: string, fields?: Record<string, unknown>): void };
}

type FetchHandler = (request: Request) => Promise<Response>;

export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const settings = handlerSettingsOf(handler);
  const logError = (message: string, fields?: Record<string, unknown>) => {
    const logger = options.logger ?? settings?.logger ?? console;
    logger.error?.(message, fields);
  };

  return async function creditKitNodeHandler(req, res, next) {
    try {
      // As catch-all middleware (`app.use(toNodeHandler(handler))`), paths outside the handler's
      // basePath belong to the rest of the app.
      if (next && settings && !isUnder(pathOf(requestTarget(req)), settings.basePath)) return next();

      if (bodyAlreadyRead(req)) {
        logError(bodyAlreadyReadAdvice(req, settings?.basePath ?? "/api/topup"));
        // A 500, not a 4xx: the caller sent a good request; this server's setup lost its body.
        const answer = errorResponse(
          new ApiError(
            "internal_error",
            "This server could not read the request: its body was read before CreditKit saw it. The site's server log says what to change.",
          ),
        );
        await writeResponse(answer, res, { head: false, keepAlive: true });
        return;
      }

      const aborted = new AbortController();
      // 'close' on the response before it finished = the client went away (Node's own pattern).
      res.once("close", () => {
        if (!res.writableFinished) aborted.abort(new Error("The client disconnected."));
      });
      let built: ReturnType<typeof toWebRequest>;
      try {
        built = toWebRequest(req, requestOrigin(req, settings?.publicOrigin), aborted.signal);
      } catch {
        // Only what fetch's Request cannot express gets here (TRACE, CONNECT): no route answers it.
        await writeResponse(
          errorResponse(
            new ApiError("method_not_allowed", "Use GET or POST.", { headers: { allow: "GET, HEAD, POST" } }),
          ),
          res,
          { head: false, keepAlive: false },
        );
        return;
      }
      const response = await handler(built.request);
      if (aborted.signal.aborted) {
        await response.body?.cancel().catch(() => {});
        return;
      }
      await writeResponse(response, res, {
        head: req.method === "HEAD",
        keepAlive: built.body === null || built.body.ended(),
      });
    } catch (error) {
      if (next) return next(error);
      logError("the CreditKit Node adapter failed", {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
      }
    }
  };
}

function pathOf(target: string): string {
  const query = target.indexOf("?");
  return query === -1 ? target : target.slice(0, query);
}

function isUnder(path: string, basePath: string): boolean {
  return path === basePath || path.startsWith(`${basePath}/`);
}
