import type { PurchaseCreatedBody, PurchaseStatusBody } from "@creditkit/contract";
import { useId, useState } from "react";
import { useCreditKit } from "../context.ts";
import { type PackChoice, priceChoice } from "../core/selection.ts";
import { useCatalog } from "../hooks/use-catalog.ts";
import type { CheckoutMode } from "../hooks/use-purchase.ts";
import { Balance } from "./balance.tsx";
import { BuyButton } from "./buy-button.tsx";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { GrantHistory } from "./grant-history.tsx";
import { LowBalanceNotice } from "./low-balance-notice.tsx";
import { defaultChoice, PackPicker } from "./pack-picker.tsx";
import { PurchaseOutcome } from "./purchase-outcome.tsx";

export interface TopUpWidgetProps {
  /** "redirect" (default) navigates to the payment page; "new-window" opens it and watches from here. */
  checkout?: CheckoutMode;
  /** Below this many credits, show a low-balance notice with a one-click top-up of the chosen pack. */
  lowBalanceThreshold?: number;
  /** Grant history page size. Default 10. */
  grantsPageSize?: number;
  /** The widget's heading; default the `widgetTitle` message. */
  title?: string;
  className?: string;
  /** A purchase was created (from Buy, the low-balance top-up or Try again), before leaving for the payment page. */
  onPurchaseStarted?: (purchase: PurchaseCreatedBody) => void;
  /** A purchase this widget shows became final: paid (credited), cancelled, expired or failed. */
  onPurchaseOutcome?: (purchase: PurchaseStatusBody) => void;
}

/** Balance, outcome of the last purchase, pack picker with Buy, and grant history, in one card. */
export function TopUpWidget({
  checkout,
  lowBalanceThreshold,
  grantsPageSize,
  title,
  className,
  onPurchaseStarted,
  onPurchaseOutcome,
}: TopUpWidgetProps) {
  const { t } = useCreditKit();
  const { data: catalog } = useCatalog();
  const [picked, setPicked] = useState<PackChoice | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const [newGrant, setNewGrant] = useState<string | null>(null);
  const id = useId();

  const choice = picked ?? defaultChoice(catalog);
  const priced = priceChoice(choice, catalog);
  const started = (purchase: PurchaseCreatedBody) => {
    onPurchaseStarted?.(purchase);
    // With a new window the customer stays here: watch the purchase until it is final.
    if (checkout === "new-window") setWatching(purchase.purchaseId);
  };
  const settled = (purchase: PurchaseStatusBody) => {
    setNewGrant(purchase.grant?.id ?? null); // a grant exists only once paid
    onPurchaseOutcome?.(purchase);
  };

  return (
    <CkRoot as="section" className={cx("ck-widget", className)} aria-labelledby={`${id}-title`}>
      <div className="ck-widget-head">
        <h2 id={`${id}-title`} className="ck-title">
          {title ?? t("widgetTitle")}
        </h2>
        <Balance />
      </div>
      {lowBalanceThreshold !== undefined ? (
        <LowBalanceNotice threshold={lowBalanceThreshold} topUp={priced} onStarted={started} checkout={checkout} />
      ) : null}
      <PurchaseOutcome onOutcome={settled} onStarted={started} checkout={checkout} />
      {watching ? (
        <PurchaseOutcome
          key={watching}
          purchaseId={watching}
          onOutcome={settled}
          onStarted={started}
          onDismiss={() => setWatching(null)}
          checkout={checkout}
        />
      ) : null}
      <div className="ck-buy-area">
        <PackPicker value={choice} onChange={setPicked} />
        <BuyButton selection={priced?.selection ?? null} onStarted={started} checkout={checkout} />
      </div>
      <GrantHistory highlightGrantId={newGrant} pageSize={grantsPageSize} />
    </CkRoot>
  );
}
