import { useId } from "react";
import { useCreditKit } from "../context.ts";
import { describeError } from "../core/errors.ts";

/**
 * A BFF error in the customer's words, announced (role=alert) and named by its own message, so
 * `getByRole("alert", { name: … })` finds it and never a framework's unnamed announcer; with Retry
 * where retrying helps. `messageId` names the message for a region around it.
 */
export function ErrorNotice({
  error,
  onRetry,
  messageId,
}: {
  error: unknown;
  onRetry?: () => void;
  messageId?: string;
}) {
  const { t } = useCreditKit();
  const ownId = useId();
  const id = messageId ?? ownId;
  const description = describeError(error);
  return (
    <div className="ck-error" role="alert" aria-labelledby={id}>
      <p id={id}>{t(description.key, description.values)}</p>
      {onRetry && description.retry ? (
        <button type="button" className="ck-button ck-button--secondary" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
