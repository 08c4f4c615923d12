import { DEFAULT_ADMIN_BASE_PATH } from "@creditkit/contract";
import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { CUSTOMER_HEADER, handlerConfig, ORIGIN } from "@creditkit/test-kit/handler-client";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import type { TopUpConfig } from "../config/config-types.ts";
import { createTopUpHandler, type TopUpHandler } from "../handler.ts";

/** The header the test "staff session" is read from, as a merchant's authorizeAdmin reads its own cookie. */
export const ADMIN_HEADER = "x-test-admin";

export interface AdminAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; contract shapes check them.
  json: any;
}

export interface AdminCall {
  /** The acting staff member (the ADMIN_HEADER); null = none. Default "agent-1". */
  actor?: string | null;
  /** A customer session as well (CUSTOMER_HEADER). */
  customer?: string;
  key?: string;
  headers?: Record<string, string>;
}

/**
 * The handler with the admin routes on, against a test emulator, and a client that sends it real
 * Requests the way the support console does: same-origin JSON, with a test staff session.
 * authorizeAdmin names the actor from ADMIN_HEADER and nothing else, so a customer session alone is 403.
 */
export function makeAdminHandler(emu: TestEmulator, overrides: Partial<TopUpConfig> = {}) {
  const { logger, lines } = captureLogger();
  const handler: TopUpHandler = createTopUpHandler({
    ...handlerConfig(emu),
    logger,
    entitlementCacheMs: 0,
    authorizeAdmin: (request) => {
      const actor = request.headers.get(ADMIN_HEADER);
      return actor ? { actorId: actor } : null;
    },
    ...overrides,
  });
  const base = `${ORIGIN}${overrides.adminBasePath ?? DEFAULT_ADMIN_BASE_PATH}`;

  async function send(method: string, path: string, body: unknown, call: AdminCall = {}): Promise<AdminAnswer> {
    const headers = new Headers(call.headers ?? {});
    const actor = call.actor === undefined ? "agent-1" : call.actor;
    if (actor) headers.set(ADMIN_HEADER, actor);
    if (call.customer) headers.set(CUSTOMER_HEADER, call.customer);
    if (method !== "GET") {
      if (!headers.has("origin")) headers.set("origin", ORIGIN);
      if (!headers.has("sec-fetch-site")) headers.set("sec-fetch-site", "same-origin");
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    if (call.key) headers.set("idempotency-key", call.key);
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await handler(new Request(`${base}${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
  }

  return {
    handler,
    /** Every log line so far, as "level message {fields}". */
    lines,
    /** The audit lines so far, parsed. */
    audits: () =>
      lines
        .filter((l) => l.includes(" creditkit admin audit "))
        .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as Record<string, unknown>),
    get: (path: string, call?: AdminCall) => send("GET", path, undefined, call),
    post: (path: string, body: unknown, call?: AdminCall) => send("POST", path, body, call),
  };
}
