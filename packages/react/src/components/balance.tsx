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
  return (
    // A group named by its label: found by role and name (getByRole("group", { name: "Available balance" })).
    <CkRoot role="group" aria-label={t("balanceLabel")} className={cx("ck-balance", className)}>
      <p className="ck-balance-label">{t("balanceLabel")}</p>
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
