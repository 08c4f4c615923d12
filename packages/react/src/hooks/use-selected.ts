import { useMemo } from "react";

/**
 * What the caller's `select` makes of the body a hook works on, or the body itself without one.
 * For hooks that need the BFF's body whatever the caller selects (useGrants counts pages from it,
 * usePurchaseStatus watches its status), so React Query's own `select` cannot replace the data.
 * React Query keeps an unchanged body the same object, so `select` runs again only when the body or
 * the function changes, as React Query's would.
 */
export function useSelected<TBody, TData>(
  body: TBody | undefined,
  select: ((body: TBody) => TData) | undefined,
): TData | undefined {
  return useMemo(
    // Without a select, TData is TBody (the hooks' default type argument).
    () => (body === undefined ? undefined : select ? select(body) : (body as unknown as TData)),
    [body, select],
  );
}
