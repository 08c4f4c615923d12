import { useCreditKit } from "../context.ts";
import { describeError } from "../core/errors.ts";

/**
 * A BFF error in the customer's words, announced (role=alert) and named by them, so
 * `getByRole("alert", { name: … })` finds it and never a framework's unnamed announcer; with Retry
 * where retrying helps.
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useCreditKit();
  const description = describeError(error);
  const text = t(description.key, description.values);
  return (
    <div className="ck-error" role="alert" aria-label={text}>
      <p>{text}</p>
      {onRetry && description.retry ? (
        <button type="button" className="ck-button ck-button--secondary" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
