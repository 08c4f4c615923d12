import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { type WebBody, webBodyFrom } from "./body-stream.ts";
import { declaresBody } from "./consumed-body.ts";

/** What Express/Connect add to the request that the adapter uses. */
export type NodeRequest = IncomingMessage & { originalUrl?: string; baseUrl?: string };

/**
 * The request target as the client sent it. Express rewrites `req.url` to drop the mount path
 * (`app.use("/api/topup", …)` hands `/balance` on), but the handler matches its basePath on the
 * full path, so the original URL is used when there is one. An absolute-form target (a proxy
 * request line) keeps only its path and query.
 */
export function requestTarget(req: NodeRequest): string {
  const target = req.originalUrl ?? req.url ?? "/";
  if (target.startsWith("/")) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the request URL is built on. For a CreditKit handler it is its configured
 * publicOrigin: the Host header is the client's to choose, so nothing is built on it. For any
 * other fetch handler, a well-formed Host (anything else: localhost), as node:http's own examples do.
 */
export function requestOrigin(req: NodeRequest, publicOrigin: string | undefined): string {
  if (publicOrigin !== undefined) return publicOrigin;
  const host = req.headers.host;
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  return `${scheme}://${host !== undefined && HOST.test(host) ? host : "localhost"}`;
}

export interface BuiltRequest {
  request: Request;
  /** The streamed body, or null when the request has none (or is GET/HEAD). */
  body: WebBody | null;
}

/**
 * The web Request the handler gets: the original path on a trusted origin, every header as sent
 * (repeated ones kept), the body streamed (never buffered here), and `signal` aborted when the
 * client goes away. Throws a TypeError for what fetch cannot express (TRACE, CONNECT).
 */
export function toWebRequest(req: NodeRequest, origin: string, signal: AbortSignal): BuiltRequest {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    // HTTP/2 pseudo-headers (:path, :authority) are not headers to fetch.
    if (!name.startsWith(":")) headers.append(name, raw[i + 1]!);
  }
  const method = (req.method ?? "GET").toUpperCase();
  const body = method !== "GET" && method !== "HEAD" && declaresBody(req) ? webBodyFrom(req) : null;
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
  if (body) {
    init.body = body.stream;
    // Required by fetch for a streamed request body.
    init.duplex = "half";
  }
  // String concatenation, not new URL(target, origin): a target like "//evil.example/x" must stay a path.
  return { request: new Request(`${origin}${requestTarget(req)}`, init), body };
}
