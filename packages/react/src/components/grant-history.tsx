import type { GrantView } from "@creditkit/contract";
import { type ReactNode, useId, useState } from "react";
import { useCreditKit } from "../context.ts";
import { useGrants } from "../hooks/use-grants.ts";
import type { MessageKey } from "../messages/en.ts";
import { messageKey } from "../messages/interpolate.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { QueryFallback } from "./query-fallback.tsx";

export interface GrantHistoryProps {
  /** Grants per page. Default 10. */
  pageSize?: number;
  /** Start with voided grants shown. Default false. */
  defaultShowVoided?: boolean;
  /** Mark this grant as new (the widget passes the grant of a purchase that was just credited). */
  highlightGrantId?: string | null;
  className?: string;
}

/** The customer's grants, newest first: status, source, amount, dates; paginated, voided on request. */
export function GrantHistory({ pageSize, defaultShowVoided = false, highlightGrantId, className }: GrantHistoryProps) {
  const { t } = useCreditKit();
  const [showVoided, setShowVoided] = useState(defaultShowVoided);
  const grants = useGrants({ pageSize, includeVoided: showVoided });
  const id = useId();

  let content: ReactNode;
  if (grants.data) {
    content =
      grants.grants.length === 0 ? (
        <p className="ck-empty">{t("historyEmpty")}</p>
      ) : (
        <GrantTable grants={grants.grants} highlightGrantId={highlightGrantId ?? null} />
      );
  } else {
    content = <QueryFallback query={grants} />;
  }

  return (
    <CkRoot as="section" className={cx("ck-history", className)} aria-labelledby={`${id}-title`}>
      <div className="ck-history-head">
        <h3 id={`${id}-title`} className="ck-heading">
          {t("historyTitle")}
        </h3>
        <label className="ck-switch">
          <input
            type="checkbox"
            role="switch"
            checked={showVoided}
            aria-checked={showVoided}
            onChange={(event) => setShowVoided(event.target.checked)}
          />
          <span>{t("showVoided")}</span>
        </label>
      </div>
      {content}
      {grants.pageCount > 1 ? (
        <nav className="ck-pager" aria-label={t("historyTitle")}>
          <button
            type="button"
            className="ck-button ck-button--secondary"
            disabled={grants.page === 0}
            onClick={() => grants.setPage(grants.page - 1)}
          >
            {t("previousPage")}
          </button>
          <span className="ck-pager-info" aria-live="polite">
            {t("pageOf", { page: grants.page + 1, pages: grants.pageCount })}
          </span>
          <button
            type="button"
            className="ck-button ck-button--secondary"
            disabled={grants.page + 1 >= grants.pageCount}
            onClick={() => grants.setPage(grants.page + 1)}
          >
            {t("nextPage")}
          </button>
        </nav>
      ) : null}
    </CkRoot>
  );
}

function GrantTable({ grants, highlightGrantId }: { grants: GrantView[]; highlightGrantId: string | null }) {
  const { t, format } = useCreditKit();
  const columns: Array<[MessageKey, (grant: GrantView, isNew: boolean) => ReactNode]> = [
    [
      "colStatus",
      (grant, isNew) => (
        <>
          <span className={`ck-tag ck-tag--${grant.status}`}>
            {
              // "statusExpired" is the purchase's; a grant's own expiry has its own word.
              t(grant.status === "expired" ? "statusExpiredGrant" : messageKey("status", grant.status))
            }
          </span>
          {isNew ? <span className="ck-badge">{t("newGrant")}</span> : null}
        </>
      ),
    ],
    ["colSource", (grant) => t(messageKey("source", grant.source))],
    ["colAmount", (grant) => format.number(grant.amount)],
    ["colEffective", (grant) => format.date(grant.effectiveAt)],
    ["colExpires", (grant) => (grant.expiresAt ? format.date(grant.expiresAt) : t("neverExpires"))],
  ];
  return (
    <table className="ck-table">
      <thead>
        <tr>
          {columns.map(([key]) => (
            <th key={key} scope="col">
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => {
          const isNew = grant.id === highlightGrantId;
          return (
            <tr key={grant.id} className={cx("ck-grant", isNew && "ck-grant--new", `ck-grant--${grant.status}`)}>
              {columns.map(([key, cell]) => (
                // data-label: the column name shown beside each value when narrow screens stack the rows.
                <td key={key} data-label={t(key)}>
                  {cell(grant, isNew)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
