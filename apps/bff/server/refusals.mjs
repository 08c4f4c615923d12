// @ts-check
/**
 * The requests the production server (../server.mjs) answers itself, because Next.js would answer
 * them with a 500 or not at all, and the shape of those answers: the CreditKit contract's JSON error
 * (`{error: {code, message}}`, codes from @creditkit/contract's ERROR_CODES, checked by
 * tests/any-request.test.ts) under /api, a small HTML page elsewhere. Everything else goes to Next.
 */

/** Where the BFF is mounted (lib/runtime.ts's basePath). */
export const BFF_BASE_PATH = "/api/topup";

/**
 * This app has no Server Actions. Next takes any POST to a page with a `Next-Action` header or a form
 * body for one and, finding none, logs "Failed to find Server Action" with a stack trace for every
 * such request: anyone could fill the log. Such POSTs are a 405 page here instead. An app that adds
 * Server Actions sets this to true.
 */
export const PAGES_HAVE_SERVER_ACTIONS = false;

/** The methods a Next.js route handler can export; any other is refused before Next sees it. */
export const NEXT_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * @typedef {{ status: number, code: string, message: string, field?: string, api: boolean, headers?: Record<string, string> }} Answer
 */

/**
 * Where a request target points once `.`/`..` segments and `%2e` are resolved the way a browser
 * (WHATWG URL) resolves them, or null when the target is not an origin-form path.
 * @param {string} target
 */
function pathnameOf(target) {
  if (!target.startsWith("/")) return null;
  try {
    return new URL(target, "http://app.invalid").pathname;
  } catch {
    return null;
  }
}

/** @param {string | null} pathname */
function isApi(pathname) {
  return pathname !== null && (pathname === "/api" || pathname.startsWith("/api/"));
}

/** @param {string | null} pathname */
function isBff(pathname) {
  return pathname !== null && (pathname === BFF_BASE_PATH || pathname.startsWith(`${BFF_BASE_PATH}/`));
}

/**
 * The server's own answer to a request Next.js cannot take, or null to hand it to Next.
 * @param {string} method
 * @param {string} target the request target as sent (`req.url`)
 * @param {import("node:http").IncomingHttpHeaders} [headers]
 * @returns {Answer | null}
 */
export function refusal(method, target, headers = {}) {
  const pathname = pathnameOf(target);
  const api = pathname === null || isApi(pathname);
  if (pathname === null) {
    // `*`, `http://host/…` (absolute form) or garbage: not a path of this app.
    return { status: 400, code: "validation_failed", message: "The request target is not a path.", api };
  }
  if (!NEXT_METHODS.includes(method)) {
    return {
      status: 405,
      code: "method_not_allowed",
      message: `${method.slice(0, 32)} is not allowed here.`,
      api,
      headers: { allow: NEXT_METHODS.join(", ") },
    };
  }
  const query = target.indexOf("?");
  const rawPath = query === -1 ? target : target.slice(0, query);
  try {
    decodeURIComponent(rawPath);
  } catch {
    return { status: 400, code: "validation_failed", message: "The request path is not valid percent-encoding.", api };
  }
  // Next's query parsing drops a `__proto__` parameter, so the BFF could not refuse it by name as it
  // refuses every unknown parameter; it is refused here, as the BFF would (docs/SECURITY.md).
  if (query !== -1 && isBff(pathname) && new URLSearchParams(target.slice(query + 1)).has("__proto__")) {
    return {
      status: 400,
      code: "validation_failed",
      message: "__proto__: is not a parameter of this route.",
      field: "__proto__",
      api,
    };
  }
  if (!PAGES_HAVE_SERVER_ACTIONS && method === "POST" && !api && looksLikeServerAction(headers)) {
    return {
      status: 405,
      code: "method_not_allowed",
      message: "This page takes no form posts.",
      api,
      headers: { allow: "GET, HEAD" },
    };
  }
  return null;
}

/**
 * What Next.js takes for a Server Action call (next/dist/server/lib/server-action-request-meta.js).
 * @param {import("node:http").IncomingHttpHeaders} headers
 */
function looksLikeServerAction(headers) {
  const contentType = headers["content-type"] ?? "";
  return (
    headers["next-action"] !== undefined ||
    contentType === "application/x-www-form-urlencoded" ||
    contentType.startsWith("multipart/form-data")
  );
}

/**
 * The answer to a request Node's HTTP parser refused or that ran out of time (its `clientError`).
 * @param {{ code: string }} error
 * @param {string} rawPacket what arrived of the request, if Node kept it (its first line names the path)
 * @param {string} [requestTarget] the target of the request under way on the connection, if any
 * @returns {Answer}
 */
export function clientErrorAnswer(error, rawPacket, requestTarget) {
  const target = /^\S*[ \t]+(\S+)/.exec(rawPacket)?.[1] ?? requestTarget ?? "";
  const pathname = pathnameOf(target);
  const api = pathname === null || isApi(pathname);
  switch (error.code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, code: "validation_failed", message: "The request did not arrive in time.", api };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, code: "payload_too_large", message: "The request headers are too large.", api };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, code: "payload_too_large", message: "The request is too large.", api };
    default:
      return { status: 400, code: "validation_failed", message: "The request is not valid HTTP.", api };
  }
}

const REASONS = /** @type {Record<number, string>} */ ({
  400: "Bad Request",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  431: "Request Header Fields Too Large",
});

/**
 * The answer's headers and body: JSON like every BFF error under /api, a page elsewhere; the same
 * fixed security headers next.config.ts gives every answer.
 * @param {Answer} answer
 */
export function render(answer) {
  const reason = REASONS[answer.status] ?? "Error";
  const body = answer.api
    ? JSON.stringify({
        error: {
          code: answer.code,
          message: answer.message,
          ...(answer.field !== undefined && { field: answer.field }),
        },
      })
    : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${answer.status} ${reason}</title></head><body><h1>${answer.status} ${reason}</h1><p>${escapeHtml(answer.message)}</p></body></html>`;
  /** @type {Record<string, string>} */
  const headers = {
    "content-type": answer.api ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    ...answer.headers,
  };
  return { reason, headers, body };
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {Answer} answer
 */
export function writeAnswer(res, answer) {
  const { headers, body } = render(answer);
  res.writeHead(answer.status, { ...headers, "content-length": Buffer.byteLength(body) });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/**
 * The answer as raw HTTP/1.1 bytes, for a socket no ServerResponse exists for (connect, clientError).
 * The connection closes after it.
 * @param {Answer} answer
 */
export function serialize(answer) {
  const { reason, headers, body } = render(answer);
  const lines = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" });
  return `HTTP/1.1 ${answer.status} ${reason}\r\n${lines.map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n${body}`;
}
