import type { IncomingMessage, ServerResponse } from "node:http";
import { DateTime } from "@creditkit/paygentic";
import { z } from "zod";
import { MAX_BODY_BYTES } from "../constants.ts";
import { actOnSession, expireDueSessions, type SessionAction, settleDuePayments } from "../domain/payment-sessions.ts";
import type { EmulatorCore } from "../emulator-core.ts";
import { ApiError, invalidField, notFound } from "../http/api-error.ts";
import { readBody } from "../http/read-body.ts";
import { Router } from "../http/router.ts";
import { sendJson } from "../http/send.ts";
import { parseInput, parseJsonBody, parsePathId } from "../http/validate.ts";
import { parseDuration } from "../time/duration.ts";
import { controlRequestRefusal } from "./control-guard.ts";
import { FaultSpec } from "./faults.ts";
import { purchaseViews } from "./purchase-views.ts";
import type { LoggedRequest } from "./request-log.ts";

interface ControlContext {
  core: EmulatorCore;
  params: Record<string, string>;
  /** The request body text (POST only). */
  text: string;
}
type ControlHandler = (ctx: ControlContext) => { status: number; body: unknown };

const ClockRequest = z
  .strictObject({ advanceBy: z.string().optional(), now: DateTime.optional() })
  .refine((c) => (c.advanceBy === undefined) !== (c.now === undefined), {
    message: "supply exactly one of advanceBy or now",
    path: ["advanceBy"],
  });

export const PaymentSessionId = z.string().regex(/^ps_[A-Za-z0-9_]+$/, "must look like ps_…");

function sessionAction(action: SessionAction): ControlHandler {
  return ({ core, params }) => {
    const { rt } = core;
    const id = parsePathId(PaymentSessionId, params.id as string, "id");
    const session = rt.store.sessions.get(id);
    if (!session) throw notFound(`payment session ${id} not found`);
    const { refused, ...outcome } = actOnSession(rt, session, action);
    if (refused) return { status: 409, body: { error: "conflict", ...refused, ...outcome } };
    return { status: 200, body: outcome };
  };
}

/** Test control under /__emulator/ (no auth): exactly the routes the README documents. */
const controlRouter = new Router<ControlHandler>()
  .add("GET", "/__emulator/seed", ({ core }) => ({ status: 200, body: core.seedInfo() }))
  .add("POST", "/__emulator/reset", ({ core }) => {
    core.reset();
    return { status: 200, body: { reset: true, now: core.rt.clock.nowIso() } };
  })
  .add("POST", "/__emulator/clock", ({ core, text }) => {
    const { rt } = core;
    const body = parseInput(ClockRequest, parseJsonBody(text));
    if (body.advanceBy !== undefined) {
      const by = parseDuration(body.advanceBy);
      if (!by) throw invalidField("advanceBy", 'must be an ISO-8601 duration like "PT25H" or "P1M"');
      rt.clock.advance(by);
    } else {
      rt.clock.set(Date.parse(body.now as string));
    }
    expireDueSessions(rt);
    // Payments processing with a settle delay arrive once the clock passes it (held ones wait).
    const settled = settleDuePayments(rt);
    return { status: 200, body: { now: rt.clock.nowIso(), settled } };
  })
  .add("POST", "/__emulator/payment-sessions/:id/complete", sessionAction("complete"))
  .add("POST", "/__emulator/payment-sessions/:id/decline", sessionAction("decline"))
  .add("POST", "/__emulator/payment-sessions/:id/cancel", sessionAction("cancel"))
  .add("POST", "/__emulator/payment-sessions/:id/insufficient-funds", sessionAction("insufficient_funds"))
  .add("POST", "/__emulator/payment-sessions/:id/hold", sessionAction("hold"))
  .add("POST", "/__emulator/payment-sessions/:id/release", sessionAction("release"))
  .add("GET", "/__emulator/purchases", ({ core }) => {
    expireDueSessions(core.rt);
    return { status: 200, body: purchaseViews(core.rt.store) };
  })
  .add("GET", "/__emulator/webhooks", ({ core }) => ({ status: 200, body: core.webhooks.deliveries() }))
  .add("POST", "/__emulator/webhooks/:messageId/redeliver", ({ core, params }) => {
    const id = params.messageId as string;
    if (!core.webhooks.redeliver(id)) throw notFound(`no webhook message ${id}`);
    return { status: 202, body: { messageId: id, redelivering: true } };
  })
  .add("POST", "/__emulator/faults", ({ core, text }) => {
    const spec = parseInput(FaultSpec, parseJsonBody(text));
    return { status: 201, body: { id: core.faults.add(spec) } };
  })
  .add("DELETE", "/__emulator/faults", ({ core }) => {
    core.faults.clear();
    return { status: 200, body: { cleared: true } };
  })
  .add("GET", "/__emulator/refunds", ({ core }) => ({ status: 200, body: core.rt.store.refunds }))
  .add("GET", "/__emulator/requests", ({ core }) => ({ status: 200, body: showable(core.requests.list()) }));

/**
 * A logged body so deeply nested that JSON.stringify overflows the stack would make the log
 * unreadable for good: such bodies are shown as null.
 */
function showable(entries: LoggedRequest[]): LoggedRequest[] {
  try {
    JSON.stringify(entries);
    return entries;
  } catch {
    return entries.map((e) => {
      try {
        JSON.stringify(e.body);
        return e;
      } catch {
        return { ...e, body: null };
      }
    });
  }
}

export async function handleControl(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const method = req.method ?? "GET";
  // Before anything is read or done: a page in the developer's browser must not drive the emulator.
  const refusal = controlRequestRefusal(req, { publicUrl: core.rt.config.publicUrl, boundHost: core.rt.config.host });
  if (refusal !== null) {
    req.resume();
    return sendJson(res, 403, {
      error: "forbidden",
      message: `${refusal}: control routes take same-origin or non-browser requests only`,
    });
  }
  let text = "";
  if (method === "POST") {
    const read = await readBody(req, MAX_BODY_BYTES);
    if (read.kind === "too_large")
      return sendJson(res, 413, { error: "payload_too_large", message: "body too large" }, { connection: "close" });
    text = read.text;
  } else req.resume();
  try {
    const route = controlRouter.match(method, pathname);
    if (route.kind === "not_found") throw notFound(`no such control route: ${method} ${pathname}`);
    if (route.kind === "method_not_allowed")
      throw new ApiError(
        405,
        { error: "method_not_allowed", message: `${method} is not allowed on ${pathname}` },
        { allow: route.allow.join(", ") },
      );
    const result = route.handler({ core, params: route.params, text });
    sendJson(res, result.status, result.body);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(res, error.status, error.body, error.headers);
  }
}
