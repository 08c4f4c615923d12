import { ApiError } from "../http/api-error.ts";
import type { RouteContext } from "../router.ts";
import type { SafeLogger } from "../safe-logger.ts";
import { toApiError } from "../upstream-errors.ts";

export type AdminAction = "access" | "customer.lookup" | "grant.issue" | "grant.void" | "purchase.refund";

/**
 * One admin action's audit line: who, what, to whom, how much, why, the Paygentic ids it touched
 * and how it ended. Written once per action through the merchant's logger (already scrubbed of the
 * key); never the secret key, never the attempt key (it could replay the action).
 */
export interface AuditFacts {
  actorId?: string;
  outcome?: "ok" | "replayed" | "already_voided" | "partial" | "refused" | "failed" | "denied";
  /** The error code when the outcome is refused, failed or partial. */
  error?: string;
  customerId?: string;
  externalId?: string;
  entitlementId?: string;
  kind?: string;
  amount?: number;
  effectiveAt?: string;
  expiresAt?: string | null;
  reason?: string;
  grantId?: string;
  purchaseId?: string;
  invoiceId?: string;
  refundId?: string;
  price?: string;
  currency?: string;
  path?: string;
  method?: string;
}

export const AUDIT_MESSAGE = "creditkit admin audit";

export function writeAudit(logger: SafeLogger, facts: AuditFacts & { action: AdminAction }): void {
  const level = facts.outcome === "ok" || facts.outcome === "replayed" || facts.outcome === "already_voided";
  const line = { audit: true, ...facts };
  if (level) logger.info(AUDIT_MESSAGE, line);
  else logger.warn(AUDIT_MESSAGE, line);
}

// biome-ignore lint/suspicious/noExplicitAny: wraps admin routes of different input types
type AnyCtx = RouteContext<any, any, any, any>;

/**
 * Wraps an admin route so that it writes exactly one audit line however it ends: the facts the
 * handler gathered as it went, its outcome (`ok` unless it set another), or the error code it
 * ended with (`refused` for a 4xx, `failed` for anything else).
 */
export function audited<C extends AnyCtx>(
  action: AdminAction,
  handle: (ctx: C, facts: AuditFacts) => Promise<Response>,
): (ctx: C) => Promise<Response> {
  return async (ctx) => {
    const facts: AuditFacts = { actorId: ctx.admin!.actorId };
    try {
      const response = await handle(ctx, facts);
      writeAudit(ctx.config.logger, { action, ...facts, outcome: facts.outcome ?? "ok" });
      return response;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : toApiError(error, ctx.config.logger);
      const status = apiError?.status ?? 500;
      writeAudit(ctx.config.logger, {
        action,
        ...facts,
        outcome: status < 500 ? "refused" : "failed",
        error: apiError?.code ?? "internal_error",
      });
      throw apiError ?? error;
    }
  };
}
