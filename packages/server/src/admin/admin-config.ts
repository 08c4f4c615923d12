import { DEFAULT_ADMIN_BASE_PATH } from "@creditkit/contract";
import { z } from "zod";

/**
 * The admin part of TopUpConfig: the merchant's own authorisation for support staff, where the
 * admin routes live, and the limits on what one actor may grant. Without `authorizeAdmin` there
 * are no admin routes at all (every admin path is a 404).
 */

/** Who is acting: an id from the merchant's own staff session (it goes into every audit line). */
export interface AdminActor {
  actorId: string;
}

/** The merchant's check of a support request: the acting staff member, or null (403). */
export type AuthorizeAdmin = (request: Request) => AdminActor | null | Promise<AdminActor | null>;

export interface AdminLimitsInput {
  /** The largest single grant, in credits. Default 100000. */
  maxGrantCredits?: number;
  /** Grants one actor may issue per hour (replays of an attempt are free). Default 30. */
  grantsPerActorPerHour?: number;
}

export interface AdminConfigInput {
  authorizeAdmin?: AuthorizeAdmin;
  /** Where the admin routes are mounted. Default "/api/topup-admin"; must not overlap `basePath`. */
  adminBasePath?: string;
  adminLimits?: AdminLimitsInput;
}

export interface ParsedAdminConfig {
  authorize: AuthorizeAdmin;
  basePath: string;
  maxGrantCredits: number;
  grantsPerActorPerHour: number;
}

const PositiveInt = z.number().int("must be a whole number").positive("must be greater than 0");

/** Fields spread into the config's strict schema (config-schema.ts). */
export const AdminConfigShape = {
  authorizeAdmin: z.custom<AuthorizeAdmin>((v) => typeof v === "function", "must be a function").optional(),
  adminBasePath: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'must be a path like "/api/topup-admin" (no trailing slash)')
    .optional(),
  adminLimits: z
    .strictObject({
      maxGrantCredits: PositiveInt.max(999_999_999_999, "must be less than 1e12").optional(),
      grantsPerActorPerHour: PositiveInt.max(100_000).optional(),
    })
    .optional(),
};

export const DEFAULT_MAX_GRANT_CREDITS = 100_000;
export const DEFAULT_GRANTS_PER_ACTOR_PER_HOUR = 30;

/** The admin config after defaults, or null when the merchant passed no `authorizeAdmin`. */
export function parseAdminConfig(input: AdminConfigInput): ParsedAdminConfig | null {
  if (!input.authorizeAdmin) return null;
  return {
    authorize: input.authorizeAdmin,
    basePath: input.adminBasePath ?? DEFAULT_ADMIN_BASE_PATH,
    maxGrantCredits: input.adminLimits?.maxGrantCredits ?? DEFAULT_MAX_GRANT_CREDITS,
    grantsPerActorPerHour: input.adminLimits?.grantsPerActorPerHour ?? DEFAULT_GRANTS_PER_ACTOR_PER_HOUR,
  };
}

/** One base path inside the other would let one route table answer the other's paths. */
export function adminBasePathProblem(basePath: string, adminBasePath: string): string | null {
  const overlaps =
    basePath === adminBasePath || adminBasePath.startsWith(`${basePath}/`) || basePath.startsWith(`${adminBasePath}/`);
  return overlaps ? "must not be basePath, nor inside it, nor contain it" : null;
}
