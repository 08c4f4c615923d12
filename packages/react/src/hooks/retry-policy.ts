import { isTransientError } from "../core/errors.ts";

/** Retry a failed read only when asking again can help (never a 401, 404 or 400), at most `max` times. */
export function retryPolicy(max: number) {
  return (failureCount: number, error: unknown) => failureCount < max && isTransientError(error);
}
