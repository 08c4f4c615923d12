import type { AdminCustomerBody, GrantSource, GrantStatus, GrantView } from "@creditkit/contract";
import { Fragment, useState } from "react";
import { cx } from "../components/class-names.ts";
import { CreditKitError } from "../core/errors.ts";
import { ConfirmPanel } from "./confirm-panel.tsx";
import { consoleError } from "./console-errors.ts";
import type { SupportMessageKey } from "./messages.ts";
import { useSupport } from "./support-context.ts";

const STATUS: Record<GrantStatus, SupportMessageKey> = {
  active: "statusActive",
  scheduled: "statusScheduled",
  expired: "statusExpiredGrant",
  voided: "statusVoided",
};
export const SOURCE: Record<GrantSource, SupportMessageKey> = {
  purchase: "sourcePurchase",
  plan: "sourcePlan",
  promotional: "sourcePromotional",
  adjustment: "sourceAdjustment",
  other: "sourceOther",
};

export interface AdminGrantTableProps {
  customer: AdminCustomerBody;
  /** After an action changed something: the words to announce (the console reloads the customer). */
  onChanged(announcement: string): void;
}

type Pending = { grantId: string; action: "void" | "refund" };

/**
 * Every grant of the customer (voided ones too) with its source, and the actions support can take:
 * void a grant that is not void, refund a purchase. Each opens a confirm step under its row.
 */
export function AdminGrantTable({ customer, onChanged }: AdminGrantTableProps) {
  const { t, credits, format, client } = useSupport();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = customer.customer.name ?? customer.customer.externalId ?? customer.customer.customerId;

  const open = (next: Pending | null) => {
    setPending(next);
    setError(null);
  };

  async function run(grant: GrantView, action: Pending["action"], reason: string) {
    setBusy(true);
    setError(null);
    const customerId = customer.customer.customerId;
    try {
      if (action === "void") {
        const done = await client.voidGrant(customerId, grant.id, reason);
        onChanged(done.alreadyVoided ? t("doneVoidAlready") : t("doneVoid", { credits: credits(grant.amount) }));
      } else {
        const done = await client.refund(customerId, grant.purchaseId!, reason);
        onChanged(
          t("doneRefund", {
            price: format.money(done.refund.total ?? done.price, done.currency),
            credits: credits(done.credits),
          }),
        );
      }
      setPending(null);
    } catch (caught) {
      const { key, values } = consoleError(caught);
      setError(t(key, values));
      // The credits of a half-done refund are gone: show it, and keep the panel open for the retry.
      if (caught instanceof CreditKitError && caught.code === "upstream_refund_failed") onChanged(t(key, values));
    } finally {
      setBusy(false);
    }
  }

  const columns: SupportMessageKey[] = [
    "colStatus",
    "colSource",
    "colAmount",
    "colEffective",
    "colExpires",
    "colActions",
  ];
  return (
    <table className="ck-table ck-console-table">
      <thead>
        <tr>
          {columns.map((title) => (
            <th key={title} scope="col">
              {t(title)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {customer.grants.grants.map((grant) => {
          const source = t(SOURCE[grant.source]);
          const isOpen = pending?.grantId === grant.id;
          return (
            <Fragment key={grant.id}>
              <tr className={cx("ck-grant", `ck-grant--${grant.status}`)}>
                <td data-label={t("colStatus")}>
                  <span className={`ck-tag ck-tag--${grant.status}`}>{t(STATUS[grant.status])}</span>
                </td>
                <td data-label={t("colSource")}>{source}</td>
                <td data-label={t("colAmount")}>{format.number(grant.amount)}</td>
                <td data-label={t("colEffective")}>{format.date(grant.effectiveAt)}</td>
                <td data-label={t("colExpires")}>
                  {grant.expiresAt ? format.date(grant.expiresAt) : t("neverExpires")}
                </td>
                <td data-label={t("colActions")} className="ck-console-actions">
                  {grant.status !== "voided" ? (
                    <button
                      type="button"
                      className="ck-button ck-button--secondary"
                      aria-label={t("voidLabel", { credits: credits(grant.amount), source })}
                      aria-expanded={isOpen && pending?.action === "void"}
                      onClick={() => open({ grantId: grant.id, action: "void" })}
                    >
                      {t("voidAction")}
                    </button>
                  ) : null}
                  {grant.source === "purchase" && grant.purchaseId ? (
                    <button
                      type="button"
                      className="ck-button ck-button--secondary"
                      aria-label={t("refundLabel", { credits: credits(grant.amount) })}
                      aria-expanded={isOpen && pending?.action === "refund"}
                      onClick={() => open({ grantId: grant.id, action: "refund" })}
                    >
                      {t("refundAction")}
                    </button>
                  ) : null}
                </td>
              </tr>
              {isOpen && pending ? (
                <tr className="ck-console-confirm-row">
                  <td colSpan={columns.length}>
                    <ConfirmPanel
                      askReason
                      busy={busy}
                      error={error}
                      effect={
                        pending.action === "void"
                          ? t("voidEffect", { credits: credits(grant.amount), source, name })
                          : t("refundEffect", { credits: credits(grant.amount), name })
                      }
                      confirmLabel={pending.action === "void" ? t("confirmVoid") : t("confirmRefund")}
                      onConfirm={(reason) => run(grant, pending.action, reason)}
                      onCancel={() => open(null)}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
