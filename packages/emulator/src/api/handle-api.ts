import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "../constants.ts";
import type { Fault } from "../control/faults.ts";
import type { LoggedRequest } from "../control/request-log.ts";
import { driftBody } from "../control/schema-drift.ts";
import type { EmulatorCore } from "../emulator-core.ts";
import { ApiError } from "../http/api-error.ts";
import { requireApiKey } from "../http/auth.ts";
import { readBody } from "../http/read-body.ts";
import { sendJson, sendText, wait } from "../http/send.ts";
import { parseJsonBody } from "../http/validate.ts";
import { type ApiResult, apiRouter } from "./api-routes.ts";

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);
const API_PATH = /^\/v\d+\//;

/**
 * One API request: faults that answer without processing, then route → auth → body → handler,
 * then faults that spoil the answer. Every request is logged (method, path, body, status).
 */
export async function handleApi(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
): Promise<void> {
  const { rt } = core;
  const method = req.method ?? "GET";
  const entry: LoggedRequest = { method, path: pathname + search, body: null, status: 0, at: rt.clock.nowIso() };
  // The log is of API calls (/v0/…, /v1/…, /v2/…): not a browser's /favicon.ico on the hosted page.
  if (API_PATH.test(pathname)) core.requests.add(entry);
  const fault = core.faults.take(method, pathname);

  if (fault && (fault.reset || fault.status !== undefined)) {
    if (!fault.reset) req.resume();
    if (fault.delayMs) await wait(core.answerTimers, fault.delayMs);
    if (fault.reset) {
      req.socket.resetAndDestroy();
      return;
    }
    entry.status = fault.status as number;
    const headers = { ...retryAfterHeader(fault), ...(fault.location !== undefined && { location: fault.location }) };
    return sendJson(res, entry.status, injectedError(entry.status), headers);
  }

  let text = "";
  if (WITH_BODY.has(method)) {
    const read = await readBody(req, MAX_BODY_BYTES);
    if (read.kind === "too_large") {
      entry.status = 413;
      const message = `request bodies are limited to ${MAX_BODY_BYTES} bytes`;
      return sendJson(res, 413, { error: "payload_too_large", message }, { connection: "close" });
    }
    text = read.text;
  } else {
    req.resume();
  }

  const result = run(core, req, method, pathname, search, text, entry);
  if (fault?.delayMs) await wait(core.answerTimers, fault.delayMs);
  entry.status = result.status;
  const success = result.status >= 200 && result.status < 300;
  if (fault?.body === "malformed" && success) {
    return sendText(res, result.status, '{"object": "list", "data": [<truncated', "application/json; charset=utf-8");
  }
  const body = fault?.body === "schema-drift" && success ? driftBody(result.body) : result.body;
  if ((fault?.body === "oversized" || fault?.body === "oversized-chunked") && success) {
    return sendOversized(res, result.status, body, fault.body === "oversized-chunked");
  }
  if (fault?.bodyDelayMs) return sendSlowBody(res, result.status, body, result.headers, core, fault.bodyDelayMs);
  sendJson(res, result.status, body, result.headers);
}

/** Bytes of JSON whitespace after the real answer in the "oversized" faults: past any sane limit. */
const OVERSIZED_PADDING_BYTES = 2 * 1024 * 1024;

/** The real answer, still valid JSON, padded past 2 MiB: with Content-Length, or chunked without one. */
function sendOversized(res: ServerResponse, status: number, body: unknown, chunked: boolean): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  const padding = " ".repeat(64 * 1024);
  const chunks = OVERSIZED_PADDING_BYTES / padding.length;
  const headers: Record<string, string | number> = { "content-type": "application/json; charset=utf-8" };
  if (!chunked) headers["content-length"] = Buffer.byteLength(json) + OVERSIZED_PADDING_BYTES;
  res.writeHead(status, headers);
  res.write(json);
  // A client that stops reading at its limit closes the socket; the writes after that are dropped.
  for (let i = 0; i < chunks && !res.destroyed; i++) res.write(padding);
  res.end();
}

/** Headers and the first half of the body at once, the rest `delayMs` later: a body that trickles. */
async function sendSlowBody(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> | undefined,
  core: EmulatorCore,
  delayMs: number,
): Promise<void> {
  if (res.writableEnded || res.destroyed) return;
  const bytes = Buffer.from(JSON.stringify(body));
  const half = Math.floor(bytes.length / 2);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": bytes.length,
    ...headers,
  });
  res.write(bytes.subarray(0, half));
  await wait(core.answerTimers, delayMs);
  if (!res.destroyed) res.end(bytes.subarray(half));
}

function run(
  core: EmulatorCore,
  req: IncomingMessage,
  method: string,
  pathname: string,
  search: string,
  text: string,
  entry: LoggedRequest,
): ApiResult & { headers?: Record<string, string> } {
  const { rt } = core;
  try {
    if (WITH_BODY.has(method) && text !== "") {
      try {
        entry.body = JSON.parse(text);
      } catch {
        entry.body = null;
      }
    }
    const route = apiRouter.match(method, pathname);
    if (route.kind === "not_found") {
      throw new ApiError(404, { error: "not_found", message: `no such route: ${method} ${pathname}` });
    }
    if (route.kind === "method_not_allowed") {
      throw new ApiError(
        405,
        { error: "method_not_allowed", message: `${method} is not allowed on ${pathname}` },
        { allow: route.allow.join(", ") },
      );
    }
    requireApiKey(req.headers, rt.store.merchant.apiKey);
    const body = WITH_BODY.has(method) ? parseJsonBody(text) : undefined;
    return route.handler({ rt, params: route.params, query: new URLSearchParams(search), body });
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
    rt.config.logger.warn?.(`emulator error on ${method} ${pathname}: ${(error as Error).stack ?? error}`);
    return { status: 500, body: { error: "internal_error", message: "the emulator failed on this request" } };
  }
}

function injectedError(status: number): Record<string, unknown> {
  const error =
    status === 429
      ? "rate_limited"
      : status === 503
        ? "service_unavailable"
        : status >= 500
          ? "internal_error"
          : status === 404
            ? "not_found"
            : status === 401
              ? "unauthorized"
              : status === 409
                ? "conflict"
                : "bad_request";
  return { error, message: `injected fault: HTTP ${status}` };
}

function retryAfterHeader(fault: Fault): Record<string, string> {
  if (fault.retryAfter !== undefined) return { "retry-after": String(fault.retryAfter) };
  return fault.status === 429 || fault.status === 503 ? { "retry-after": "1" } : {};
}
