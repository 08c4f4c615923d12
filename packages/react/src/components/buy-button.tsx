import type { PurchaseCreatedBody, PurchaseSelection } from "@creditkit/contract";
import { useEffect } from "react";
import { useCreditKit } from "../context.ts";
import { selectionId } from "../core/attempt-store.ts";
import { priceChoice } from "../core/selection.ts";
import { useCatalog } from "../hooks/use-catalog.ts";
import { type CheckoutMode, usePurchase } from "../hooks/use-purchase.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { ErrorNotice } from "./error-notice.tsx";

export interface BuyButtonProps {
  /** What to buy; null (or an invalid custom amount) leaves the button inert with a hint. */
  selection: PurchaseSelection | null;
  /** "redirect" (default) or "new-window". */
  checkout?: CheckoutMode;
  /** Called once the BFF created (or replayed) the purchase and the payment page was opened. */
  onStarted?: (purchase: PurchaseCreatedBody) => void;
  /** Replaces the default "Buy {credits} for {price}" label. */
  label?: string;
  className?: string;
}

/**
 * One click, one purchase. While a purchase is being created the button stays focusable but inert
 * (aria-disabled), so keyboard focus is not lost and a second click cannot start a second purchase.
 */
export function BuyButton({ selection, checkout, onStarted, label, className }: BuyButtonProps) {
  const { t, format, credits } = useCreditKit();
  const { data: catalog } = useCatalog();
  const purchase = usePurchase({ checkout });
  const priced = priceChoice(selection, catalog);
  const selectionKey = selection && selectionId(selection);
  const { reset } = purchase;
  // An outcome (error, "Redirecting…") belongs to the selection it was for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectionKey is the trigger.
  useEffect(() => reset(), [selectionKey, reset]);
  const busy = purchase.status === "creating" || purchase.status === "redirecting";
  const inert = busy || !priced;

  const buy = () => {
    if (inert || !priced) return;
    void purchase.start(priced.selection).then((created) => {
      if (created) onStarted?.(created);
    });
  };

  const text = busy
    ? t("buyPending")
    : priced && catalog
      ? (label ?? t("buy", { credits: credits(priced.credits), price: format.money(priced.price, catalog.currency) }))
      : t("buyChoose");

  return (
    <CkRoot className={cx("ck-buy", className)}>
      <button type="button" className="ck-button ck-button--primary" aria-disabled={inert || undefined} onClick={buy}>
        {text}
      </button>
      {purchase.status === "error" ? <ErrorNotice error={purchase.error} onRetry={buy} /> : null}
    </CkRoot>
  );
}
