import type { z } from "zod";
import { ErrorBody, ValidationErrorBody } from "../schemas/errors.ts";
import { describeIssues, fieldErrorsOf } from "./describe-issues.ts";
import { PaygenticError } from "./errors.ts";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, type RetryPolicy, sleep } from "./retry.ts";

export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
}

export interface TransportConfig {
  apiKey: string;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** The largest answer body read, in bytes (a larger one is never buffered). */
  maxResponseBytes: number;
  retry: RetryPolicy;
  logger?: Logger | undefined;
  random?: () => number;
}

export interface RequestSpec<T> {
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  body?: unknown;
  /** Safe to send twice: GETs, and POSTs that carry an idempotency key. */
  idempotent: boolean;
  schema: z.ZodType<T>;
  signal?: AbortSignal | undefined;
  /**
   * When the whole call, retries and their waits included, must be over (epoch ms, `Date.now()`'s
   * clock). Each attempt gets at most the time left; a wait that would pass it is not taken.
   */
  deadline?: number | undefined;
}

interface Attempt {
  response?: Response;
  text?: string;
  /** The body was larger than maxResponseBytes: not read past the limit. */
  tooLarge?: boolean;
  error?: PaygenticError;
}

/**
 * Sends one logical request: per-attempt timeout, retries with jittered backoff where safe,
 * and schema validation of the answer. Every failure is a PaygenticError; nothing thrown from
 * here carries the API key (headers are never part of a message, and messages are redacted).
 */
export function createTransport(config: TransportConfig) {
  const base = config.baseUrl.replace(/\/+$/, "");
  const authorization = `Bearer ${config.apiKey}`;
  const redact = (text: string) => (config.apiKey ? text.split(config.apiKey).join("[redacted]") : text);

  return async function send<T>(spec: RequestSpec<T>): Promise<T> {
    const url = buildUrl(base, spec.path, spec.query);
    const label = { method: spec.method, path: spec.path };
    const maxAttempts = spec.idempotent ? config.retry.retries + 1 : 1;

    for (let attempt = 1; ; attempt++) {
      const leftMs = spec.deadline === undefined ? Number.POSITIVE_INFINITY : spec.deadline - Date.now();
      if (leftMs <= 0) throw deadlineError(spec, attempt - 1);
      const started = performance.now();
      const result = await attemptOnce(spec, url, authorization, config, redact, leftMs);
      const elapsedMs = Math.round(performance.now() - started);
      const status = result.response?.status;
      config.logger?.debug?.("paygentic request", { ...label, status, attempt, elapsedMs, error: result.error?.kind });

      const retryAfterMs = result.response ? parseRetryAfter(result.response.headers.get("retry-after")) : undefined;
      const retryable =
        result.error?.kind === "network" || result.error?.kind === "timeout"
          ? !spec.signal?.aborted
          : status !== undefined && RETRYABLE_STATUSES.has(status);

      if (result.response?.ok && result.tooLarge) throw tooLargeError(spec, config.maxResponseBytes, attempt);
      if (result.response?.ok && result.text !== undefined) {
        return parseBody(spec, result.text, redact, attempt);
      }
      const failure =
        result.error ?? httpError(spec, result.response as Response, result.text ?? "", retryAfterMs, redact);
      const waitMs = retryAfterMs ?? backoffDelay(attempt - 1, config.retry, config.random);
      const canWait = retryAfterMs === undefined || retryAfterMs <= config.retry.maxRetryAfterMs;
      // A wait that ends at or after the deadline leaves no time for the retry: give up now.
      const inTime = spec.deadline === undefined || Date.now() + waitMs < spec.deadline;
      if (!retryable || attempt >= maxAttempts || !canWait || !inTime) {
        throw withAttempts(failure, attempt);
      }
      config.logger?.warn?.("paygentic request retried", { ...label, status, attempt, waitMs, error: failure.kind });
      try {
        await sleep(waitMs, spec.signal);
      } catch {
        throw withAttempts(failure, attempt);
      }
    }
  };
}

function buildUrl(base: string, path: string, query: RequestSpec<unknown>["query"]): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${base}${path}${qs ? `?${qs}` : ""}`;
}

async function attemptOnce(
  spec: RequestSpec<unknown>,
  url: string,
  authorization: string,
  config: TransportConfig,
  redact: (s: string) => string,
  leftMs: number,
): Promise<Attempt> {
  // A timer cleared as soon as the body is in, rather than AbortSignal.timeout: that one keeps the
  // signal, and through its listeners the whole request and response, alive for timeoutMs after
  // the answer, so under load every call's garbage outlives it and the heap grows.
  // Cut off at the per-attempt timeout or the call's deadline, whichever comes first.
  const byDeadline = leftMs < config.timeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), byDeadline ? leftMs : config.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;
  const headers: Record<string, string> = { authorization, accept: "application/json" };
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await config.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      signal,
      // Paygentic's API never redirects: a 3xx is an answer (an `http` error), and the key is never
      // sent on to wherever a Location header points.
      redirect: "manual",
    });
    // The body is read under the same signal, so a slow body times out too.
    const text = await readBodyText(response, config.maxResponseBytes);
    return text === TOO_LARGE ? { response, tooLarge: true, text: "" } : { response, text };
  } catch (cause) {
    const label = { method: spec.method, path: spec.path };
    if (timeout.signal.aborted && !spec.signal?.aborted) {
      return {
        error: new PaygenticError({
          ...label,
          kind: "timeout",
          message: byDeadline
            ? `Paygentic did not answer ${spec.method} ${spec.path} before the call's deadline`
            : `Paygentic did not answer ${spec.method} ${spec.path} within ${config.timeoutMs} ms`,
        }),
      };
    }
    const reason = spec.signal?.aborted ? "the request was aborted" : describeNetworkError(cause);
    return {
      error: new PaygenticError({
        ...label,
        kind: "network",
        message: redact(`could not reach Paygentic for ${spec.method} ${spec.path}: ${reason}`),
      }),
    };
  } finally {
    clearTimeout(timer);
  }
}

const TOO_LARGE = Symbol("too large");

/**
 * The body as text, or TOO_LARGE past `limit` bytes without buffering more than that. A declared
 * Content-Length (of an uncompressed body) is checked before reading; otherwise the body is read
 * chunk by chunk and cancelled at the limit.
 */
async function readBodyText(response: Response, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = response.headers.get("content-length");
  const encoding = response.headers.get("content-encoding");
  if (declared !== null && /^\d+$/.test(declared) && (encoding === null || encoding === "identity")) {
    if (Number(declared) > limit) {
      await response.body?.cancel().catch(() => {});
      return TOO_LARGE;
    }
    return response.text();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function describeNetworkError(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    const code = inner && typeof inner === "object" && "code" in inner ? String(inner.code) : undefined;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}

function parseBody<T>(spec: RequestSpec<T>, text: string, redact: (s: string) => string, attempts: number): T {
  const label = { method: spec.method, path: spec.path, attempts };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PaygenticError({
      ...label,
      kind: "invalid_response",
      message: `Paygentic answered ${spec.method} ${spec.path} with a body that is not JSON`,
    });
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    throw new PaygenticError({
      ...label,
      kind: "invalid_response",
      message: redact(
        `Paygentic's answer to ${spec.method} ${spec.path} breaks the schema: ${describeIssues(parsed.error)}`,
      ),
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  return parsed.data;
}

function httpError(
  spec: RequestSpec<unknown>,
  response: Response,
  text: string,
  retryAfterMs: number | undefined,
  redact: (s: string) => string,
): PaygenticError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const validation = ValidationErrorBody.safeParse(json);
  const generic = ErrorBody.safeParse(json);
  const upstreamMessage = validation.success
    ? `${validation.data.message}: ${validation.data.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`
    : generic.success
      ? generic.data.message
      : `HTTP ${response.status}`;
  const code = validation.success
    ? validation.data.error
    : generic.success
      ? (generic.data.code ?? generic.data.error)
      : undefined;
  return new PaygenticError({
    kind: "http",
    method: spec.method,
    path: spec.path,
    status: response.status,
    code,
    message: redact(`Paygentic answered ${spec.method} ${spec.path} with ${response.status}: ${upstreamMessage}`),
    fieldErrors: validation.success ? validation.data.errors : undefined,
    retryAfterMs,
  });
}

function tooLargeError(spec: RequestSpec<unknown>, limit: number, attempts: number): PaygenticError {
  return new PaygenticError({
    kind: "invalid_response",
    method: spec.method,
    path: spec.path,
    message: `Paygentic's answer to ${spec.method} ${spec.path} is larger than ${limit} bytes`,
    attempts,
  });
}

/** The deadline passed before this attempt could start: a timeout, after the attempts made so far. */
function deadlineError(spec: RequestSpec<unknown>, attempts: number): PaygenticError {
  return new PaygenticError({
    kind: "timeout",
    method: spec.method,
    path: spec.path,
    message: `Paygentic did not answer ${spec.method} ${spec.path} before the call's deadline`,
    attempts,
  });
}

function withAttempts(error: PaygenticError, attempts: number): PaygenticError {
  return new PaygenticError({
    kind: error.kind,
    message: error.message,
    method: error.method,
    path: error.path,
    status: error.status,
    code: error.code,
    fieldErrors: error.fieldErrors,
    retryAfterMs: error.retryAfterMs,
    attempts,
  });
}
