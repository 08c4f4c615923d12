import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useSupport } from "./support-context.ts";

export interface ConfirmPanelProps {
  /** The exact effect of the action, in words. */
  effect: ReactNode;
  confirmLabel: string;
  /** Ask for the reason here (void, refund); a grant's is in its form. */
  askReason?: boolean;
  busy: boolean;
  /** A failure of the last attempt, shown inside the panel (role="alert"). */
  error: string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/**
 * The confirm step of every admin action: the effect spelled out, an optional reason, Confirm and
 * Cancel. It takes the focus when it opens (so a screen reader reads the effect) and Escape
 * cancels; the Confirm button stays disabled while the action runs, so a double click is one action.
 */
export function ConfirmPanel({ effect, confirmLabel, askReason, busy, error, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useSupport();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState("");
  useEffect(() => heading.current?.focus(), []);
  // Escape anywhere in the panel cancels it, as in a dialog.
  const ready = !askReason || reason.trim().length >= 3;

  return (
    <section
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-effect`}
      className="ck-confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) onCancel();
      }}
    >
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1} className="ck-heading">
        {t("confirmTitle")}
      </h4>
      <p id={`${id}-effect`} className="ck-confirm-effect">
        {effect}
      </p>
      {askReason ? (
        <div className="ck-field">
          <label className="ck-label" htmlFor={`${id}-reason`}>
            {t("reasonLabel")}
          </label>
          <textarea
            id={`${id}-reason`}
            className="ck-input"
            value={reason}
            maxLength={500}
            required
            aria-describedby={`${id}-reason-hint`}
            onChange={(event) => setReason(event.target.value)}
          />
          <span id={`${id}-reason-hint`} className="ck-hint">
            {t("reasonHint")}
          </span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="ck-error">
          {error}
        </p>
      ) : null}
      <div className="ck-actions">
        <button
          type="button"
          className="ck-button ck-button--primary"
          disabled={busy || !ready}
          onClick={() => onConfirm(reason.trim())}
        >
          {busy ? t("working") : confirmLabel}
        </button>
        <button type="button" className="ck-button ck-button--secondary" disabled={busy} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </section>
  );
}
