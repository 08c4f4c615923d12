import type { PurchaseCreatedBody } from "@creditkit/contract";
import { useCreditKit } from "../context.ts";
import type { PricedSelection } from "../core/selection.ts";
import { useBalance } from "../hooks/use-balance.ts";
import { useCatalog } from "../hooks/use-catalog.ts";
import type { CheckoutMode } from "../hooks/use-purchase.ts";
import { BuyButton } from "./buy-button.tsx";
import { cx } from "./class-names.ts";

export interface LowBalanceNoticeProps {
  /** Show the notice when the balance is below this many credits. */
  threshold: number;
  /** What the one-click top-up buys. */
  topUp: PricedSelection | null;
  checkout?: CheckoutMode;
  onStarted?: (purchase: PurchaseCreatedBody) => void;
  className?: string;
}

/** "Your balance is running low" with a one-click top-up, shown only below the threshold. */
export function LowBalanceNotice({ threshold, topUp, checkout, onStarted, className }: LowBalanceNoticeProps) {
  const { t, format, credits } = useCreditKit();
  const { data: balance } = useBalance();
  const { data: catalog } = useCatalog();
  if (!balance || !catalog || !topUp || balance.balance >= threshold) return null;
  return (
    <div className={cx("ck-notice ck-notice--warning ck-low-balance", className)}>
      <p>{t("lowBalance")}</p>
      <BuyButton
        selection={topUp.selection}
        label={t("lowBalanceAction", {
          credits: credits(topUp.credits),
          price: format.money(topUp.price, catalog.currency),
        })}
        checkout={checkout}
        onStarted={onStarted}
      />
    </div>
  );
}
