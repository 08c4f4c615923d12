import type { GrantSource, GrantStatus, GrantView } from "@creditkit/contract";
import { type ReactNode, useId, useState } from "react";
import { useCreditKit } from "../context.ts";
import { useGrants } from "../hooks/use-grants.ts";
import type { MessageKey } from "../messages/en.ts";
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

/** A grant's status in words. "statusExpired" is a purchase's (its payment session lapsed); a grant's own expiry has its own word. */
const GRANT_STATUS_MESSAGES: Record<GrantStatus, MessageKey> = {
  active: "statusActive",
  scheduled: "statusScheduled",
  expired: "statusExpiredGrant",
  voided: "statusVoided",
};

const GRANT_SOURCE_MESSAGES: Record<GrantSource, MessageKey> = {
  purchase: "sourcePurchase",
  plan: "sourcePlan",
  promotional: "sourcePromotional",
  adjustment: "sourceAdjustment",
  other: "sourceOther",
};

interface Column {
  title: MessageKey;
  cell: (grant: GrantView, isNew: boolean) => ReactNode;
}

function GrantTable({ grants, highlightGrantId }: { grants: GrantView[]; highlightGrantId: string | null }) {
  const { t, format } = useCreditKit();
  const columns: Column[] = [
    {
      title: "colStatus",
      cell: (grant, isNew) => (
        <>
          <span className={`ck-tag ck-tag--${grant.status}`}>{t(GRANT_STATUS_MESSAGES[grant.status])}</span>
          {isNew ? <span className="ck-badge">{t("newGrant")}</span> : null}
        </>
      ),
    },
    { title: "colSource", cell: (grant) => t(GRANT_SOURCE_MESSAGES[grant.source]) },
    { title: "colAmount", cell: (grant) => format.number(grant.amount) },
    { title: "colEffective", cell: (grant) => format.date(grant.effectiveAt) },
    { title: "colExpires", cell: (grant) => (grant.expiresAt ? format.date(grant.expiresAt) : t("neverExpires")) },
  ];
  return (
    <table className="ck-table">
      <thead>
        <tr>
          {columns.map(({ title }) => (
            <th key={title} scope="col">
              {t(title)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => {
          const isNew = grant.id === highlightGrantId;
          return (
            <tr key={grant.id} className={cx("ck-grant", isNew && "ck-grant--new", `ck-grant--${grant.status}`)}>
              {columns.map(({ title, cell }) => (
                // data-label: the column name shown beside each value when narrow screens stack the rows.
                <td key={title} data-label={t(title)}>
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
