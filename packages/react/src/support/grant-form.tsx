import { ADMIN_GRANT_KINDS, type AdminCustomerBody, type AdminGrantKind } from "@creditkit/contract";
import { type FormEvent, useId, useState } from "react";
import { newAttemptKey } from "./admin-client.ts";
import { ConfirmPanel } from "./confirm-panel.tsx";
import { consoleError } from "./console-errors.ts";
import { useSupport } from "./support-context.ts";

export interface GrantFormProps {
  customer: AdminCustomerBody;
  /** The largest grant the form offers (the server's `adminLimits.maxGrantCredits` decides). */
  maxCredits: number;
  /** Called after a grant was given, with the words to announce. */
  onGranted(announcement: string): void;
}

interface Draft {
  kind: AdminGrantKind;
  amount: string;
  starts: string;
  expires: string;
  reason: string;
}

const EMPTY: Draft = { kind: "promotional", amount: "", starts: "", expires: "", reason: "" };
const KIND_LABEL = { promotional: "kindPromotional", adjustment: "kindAdjustment" } as const;
const SOURCE_LABEL = { promotional: "sourcePromotional", adjustment: "sourceAdjustment" } as const;

/** A date input's day as the instant that day starts, in UTC (what the grant's dates are). */
const dayStart = (day: string) => (day ? `${day}T00:00:00.000Z` : undefined);

/**
 * Give a customer promotional or adjustment credits: the form, then a confirm step that spells out
 * the exact effect (who, how many, when, until when, and the balance before and after). One attempt
 * key per confirmation, kept across a double click and a retry, so a grant is given once.
 */
export function GrantForm({ customer, maxCredits, onGranted }: GrantFormProps) {
  const { t, credits, format, client } = useSupport();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [review, setReview] = useState<{ attemptKey: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const amount = Number(draft.amount);
  const amountOk = /^\d+$/.test(draft.amount) && amount >= 1 && amount <= maxCredits;
  const reasonOk = draft.reason.trim().length >= 3;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const name = customer.customer.name ?? customer.customer.externalId ?? customer.customer.customerId;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!amountOk || !reasonOk) return;
    setError(null);
    setReview({ attemptKey: newAttemptKey() });
  }

  async function confirm() {
    if (!review) return;
    setBusy(true);
    setError(null);
    try {
      const effectiveAt = dayStart(draft.starts);
      const expiresAt = dayStart(draft.expires);
      await client.grant(
        customer.customer.customerId,
        {
          kind: draft.kind,
          amount,
          reason: draft.reason.trim(),
          ...(effectiveAt && { effectiveAt }),
          ...(expiresAt && { expiresAt }),
        },
        review.attemptKey,
      );
      onGranted(t("doneGrant", { credits: credits(amount), kind: t(SOURCE_LABEL[draft.kind]) }));
      setDraft(EMPTY);
      setReview(null);
    } catch (caught) {
      const { key, values } = consoleError(caught);
      setError(t(key, values));
    } finally {
      setBusy(false);
    }
  }

  const later = draft.starts !== "" && Date.parse(dayStart(draft.starts)!) > Date.now();
  const before = customer.balance.balance;
  const effect = review ? (
    <>
      {t("grantEffect", {
        name,
        credits: credits(amount),
        kind: t(SOURCE_LABEL[draft.kind]),
        when: later ? t("grantEffectFrom", { date: format.date(dayStart(draft.starts)!) }) : t("grantEffectNow"),
        expiry: draft.expires
          ? t("grantEffectUntil", { date: format.date(dayStart(draft.expires)!) })
          : t("grantEffectNever"),
      })}{" "}
      {later
        ? t("grantBalanceLater", { credits: credits(amount), date: format.date(dayStart(draft.starts)!) })
        : t("grantBalance", { before: format.number(before), after: format.number(before + amount) })}
    </>
  ) : null;

  return (
    <section className="ck-console-grant" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="ck-heading">
        {t("grantTitle")}
      </h3>
      {review ? (
        <ConfirmPanel
          effect={effect}
          confirmLabel={t("confirmGrant")}
          busy={busy}
          error={error}
          onConfirm={confirm}
          onCancel={() => setReview(null)}
        />
      ) : (
        <form className="ck-console-form" onSubmit={submit} noValidate>
          <fieldset className="ck-field">
            <legend className="ck-label">{t("kindLabel")}</legend>
            {ADMIN_GRANT_KINDS.map((kind) => (
              <label key={kind} className="ck-choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => set({ kind })}
                />
                <span>{t(KIND_LABEL[kind])}</span>
              </label>
            ))}
          </fieldset>
          <div className="ck-field">
            <label className="ck-label" htmlFor={`${id}-amount`}>
              {t("amountLabel")}
            </label>
            <input
              id={`${id}-amount`}
              className="ck-input"
              inputMode="numeric"
              value={draft.amount}
              aria-invalid={draft.amount !== "" && !amountOk}
              aria-describedby={`${id}-amount-hint`}
              onChange={(event) => set({ amount: event.target.value.trim() })}
            />
            <span id={`${id}-amount-hint`} className="ck-hint">
              {t("amountHint", { max: format.number(maxCredits) })}
            </span>
          </div>
          <div className="ck-field">
            <label className="ck-label" htmlFor={`${id}-starts`}>
              {t("startsLabel")}
            </label>
            <input
              id={`${id}-starts`}
              className="ck-input"
              type="date"
              value={draft.starts}
              onChange={(event) => set({ starts: event.target.value })}
            />
          </div>
          <div className="ck-field">
            <label className="ck-label" htmlFor={`${id}-expires`}>
              {t("expiresLabel")}
            </label>
            <input
              id={`${id}-expires`}
              className="ck-input"
              type="date"
              value={draft.expires}
              onChange={(event) => set({ expires: event.target.value })}
            />
          </div>
          <div className="ck-field">
            <label className="ck-label" htmlFor={`${id}-reason`}>
              {t("reasonLabel")}
            </label>
            <textarea
              id={`${id}-reason`}
              className="ck-input"
              value={draft.reason}
              maxLength={500}
              required
              aria-describedby={`${id}-reason-hint`}
              onChange={(event) => set({ reason: event.target.value })}
            />
            <span id={`${id}-reason-hint`} className="ck-hint">
              {t("reasonHint")}
            </span>
          </div>
          <div className="ck-actions">
            <button type="submit" className="ck-button ck-button--primary" disabled={!amountOk || !reasonOk}>
              {t("review")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
