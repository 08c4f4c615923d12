import { useCreditKit } from "../context.ts";

/** A placeholder while data loads, announced as "Loading…" to screen readers. */
export function Skeleton() {
  const { t } = useCreditKit();
  return <div className="ck-skeleton" role="status" aria-busy="true" aria-label={t("loading")} />;
}
