import { useCreditKit } from "../context.ts";
import { ErrorNotice } from "./error-notice.tsx";

/**
 * What a component shows before its data is there: a skeleton while loading (announced as
 * "Loading…"), or the error in the customer's words with Retry where retrying helps.
 */
export function QueryFallback({ query }: { query: { isPending: boolean; error: unknown; refetch: () => unknown } }) {
  const { t } = useCreditKit();
  return query.isPending ? (
    <div className="ck-skeleton" role="status" aria-busy="true" aria-label={t("loading")} />
  ) : (
    <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  );
}
