import { z } from "zod";
import type { ParsedConfig } from "../config/parse-config.ts";
import { ApiError } from "../http/api-error.ts";
import type { AdminActor } from "./admin-config.ts";
import { writeAudit } from "./audit.ts";

const Actor = z.object({ actorId: z.string().trim().min(1).max(200) });

/**
 * Asks the merchant's authorizeAdmin who is acting. null is 403 (and an audit line: a refused
 * support request is worth knowing about). The customer's session plays no part: resolveCustomer
 * is never asked on an admin route, so a customer's cookie alone reaches nothing here. A malformed
 * answer is the merchant's bug: logged, 500, never guessed around.
 */
export async function authorizeAdminOrThrow(config: ParsedConfig, request: Request, url: URL): Promise<AdminActor> {
  const result = await config.admin!.authorize(request);
  if (result === null || result === undefined) {
    writeAudit(config.logger, { action: "access", outcome: "denied", path: url.pathname, method: request.method });
    throw new ApiError("forbidden", "You are not allowed to use the support console.");
  }
  const parsed = Actor.safeParse(result);
  if (!parsed.success) {
    config.logger.error("authorizeAdmin returned an invalid value", {
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    throw new ApiError("internal_error", "Something went wrong on our side. Please try again.");
  }
  return { actorId: parsed.data.actorId };
}
