import { useCreditKit } from "../context.ts";
import { describeError } from "../core/errors.ts";

/** A BFF error in the customer's words, announced (role=alert), with Retry where retrying helps. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useCreditKit();
  const description = describeError(error);
  return (
    <div className="ck-error" role="alert">
      <p>{t(description.key, description.values)}</p>
      {onRetry && description.retry ? (
        <button type="button" className="ck-button ck-button--secondary" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
