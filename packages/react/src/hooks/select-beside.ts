import { useCallback } from "react";

/** What a hook's query holds when the hook needs the BFF's body and the caller chose a `select`. */
export interface BodyAndSelection<TBody, TData> {
  body: TBody;
  selected: TData;
}

/**
 * A `select` for hooks that work on the body itself (useGrants counts pages, usePurchaseStatus
 * watches the status) while offering the caller's `select` for `data`: React Query runs it as
 * usual (only when the body or the function changes), and the body stays at hand beside it.
 */
export function useSelectBeside<TBody, TData>(select: ((body: TBody) => TData) | undefined) {
  return useCallback(
    (body: TBody): BodyAndSelection<TBody, TData> => ({
      body,
      // Without a select, TData is TBody (the hooks' default type argument).
      selected: select ? select(body) : (body as unknown as TData),
    }),
    [select],
  );
}
