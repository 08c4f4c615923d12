import { ApiError } from "../http/api-error.ts";
import type { RouteContext } from "../router.ts";

/**
 * Grants per actor per hour, counted in the store (so every instance shares the count): a
 * compromised or careless support account can give away at most this many grants an hour, each
 * at most `maxGrantCredits` (the body schema holds that one).
 */
export async function assertWithinAdminGrantLimit(
  ctx: RouteContext<unknown, unknown, unknown, unknown>,
  actorId: string,
): Promise<void> {
  const { store, admin, now } = ctx.config;
  const window = await store.incrementWindow(`admin-grants:${actorId}`, 3600);
  if (window.count <= admin!.grantsPerActorPerHour) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now().getTime()) / 1000));
  throw new ApiError(
    "rate_limited",
    `You have given the most grants allowed in an hour (${admin!.grantsPerActorPerHour}). Try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}
