import { ApiError } from "./api-error.ts";

/** Headers the contract puts on every response: nothing is cached, nothing is sniffed. */
const BASE_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

/** A JSON answer; routes name the contract's body type (`json<BalanceBody>(200, …)`) so it cannot drift. */
export function json<Body>(status: number, body: Body, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function errorResponse(error: ApiError): Response {
  const headers = { ...error.headers };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return json(error.status, error.toBody(), headers);
}

/** What a bug looks like from outside: a fixed sentence, never the exception's text. */
export function internalErrorResponse(): Response {
  return errorResponse(new ApiError("internal_error", "Something went wrong on our side. Please try again."));
}
