import { useId } from "react";
import { useCreditKit } from "../context.ts";
import { useBalance } from "../hooks/use-balance.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { QueryFallback } from "./query-fallback.tsx";

export interface BalanceProps {
  className?: string;
}

/** The customer's available credits, with this period's usage. */
export function Balance({ className }: BalanceProps) {
  const { t, credits, format } = useCreditKit();
  const query = useBalance();
  const { data } = query;
  const labelId = useId();
  // A group named by its label: the balance can be found by role and name (getByRole("group", { name: "Available balance" })).
  return (
    <CkRoot role="group" aria-labelledby={labelId} className={cx("ck-balance", className)}>
      <p id={labelId} className="ck-balance-label">
        {t("balanceLabel")}
      </p>
      {data ? (
        <>
          <p className="ck-balance-value">{credits(data.balance)}</p>
          {data.usageInPeriod > 0 ? (
            <p className="ck-balance-usage">{t("balanceUsage", { usage: format.number(data.usageInPeriod) })}</p>
          ) : null}
        </>
      ) : (
        <QueryFallback query={query} />
      )}
    </CkRoot>
  );
}
