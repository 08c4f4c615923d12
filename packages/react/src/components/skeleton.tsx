import { useCreditKit } from "../context.ts";

/** A placeholder while data loads; the visually hidden text tells screen readers what is happening. */
export function Skeleton({ lines = 1 }: { lines?: number }) {
  const { t } = useCreditKit();
  return (
    <div className="ck-skeleton" aria-busy="true">
      <span className="ck-visually-hidden">{t("loading")}</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder bars never reorder.
        <span key={i} className="ck-skeleton-bar" aria-hidden="true" />
      ))}
    </div>
  );
}
