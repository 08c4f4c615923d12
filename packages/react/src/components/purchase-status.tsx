import { type ReactNode, useEffect, useRef } from "react";
import { useCreditKit } from "../context.ts";
import type { Purchase, PurchaseCreated } from "../core/types.ts";
import { type CheckoutMode, usePurchase } from "../hooks/use-purchase.ts";
import { usePurchaseReturn } from "../hooks/use-purchase-return.ts";
import { usePurchaseStatus } from "../hooks/use-purchase-status.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { ErrorNotice } from "./error-notice.tsx";

export interface PurchaseStatusProps {
  /** Watch this purchase (e.g. one paid in a new window). Without it: the purchase in the return URL. */
  purchaseId?: string;
  /** Checkout mode for "Try again". */
  checkout?: CheckoutMode;
  /** Called once with the purchase when it reaches a final status. */
  onSettled?: (purchase: Purchase) => void;
  /** Called when "Try again" started a new purchase. */
  onStarted?: (purchase: PurchaseCreated) => void;
  /** Called when the customer dismisses the outcome. */
  onDismiss?: () => void;
  className?: string;
}

/**
 * The outcome of one purchase: pending (with what was bought), then credited once the BFF says paid, or
 * cancelled / expired / failed with a way to try again. Renders nothing when there is nothing to show.
 */
export function PurchaseStatus(props: PurchaseStatusProps) {
  return props.purchaseId ? (
    <WatchedPurchase {...props} purchaseId={props.purchaseId} />
  ) : (
    <ReturnedPurchase {...props} />
  );
}

type Watch = ReturnType<typeof usePurchaseStatus> & { result?: "success" | "cancelled" | null };

function ReturnedPurchase(props: PurchaseStatusProps) {
  const watch = usePurchaseReturn();
  return <Outcome {...props} watch={watch} onClose={watch.dismiss} focusOnMount />;
}

function WatchedPurchase(props: PurchaseStatusProps & { purchaseId: string }) {
  const watch = usePurchaseStatus(props.purchaseId);
  return <Outcome {...props} watch={watch} onClose={() => undefined} pendingKey="buyNewWindow" />;
}

function Outcome({
  watch,
  onClose,
  focusOnMount,
  pendingKey = "statusPending",
  checkout,
  onSettled,
  onStarted,
  onDismiss,
  className,
}: PurchaseStatusProps & {
  watch: Watch;
  onClose: () => void;
  focusOnMount?: boolean;
  pendingKey?: "statusPending" | "buyNewWindow";
}) {
  const { t, format, credits, navigate } = useCreditKit();
  const buy = usePurchase(checkout ? { checkout } : {});
  const region = useRef<HTMLElement>(null);
  const { purchase, purchaseId } = watch;
  const shown = purchaseId !== null;

  useEffect(() => {
    // Return from the payment page: put keyboard and screen-reader focus on the outcome.
    if (shown && focusOnMount) region.current?.focus();
  }, [shown, focusOnMount]);

  const settled = watch.isFinal ? purchase : undefined;
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;
  useEffect(() => {
    if (settled) settledRef.current?.(settled);
  }, [settled]);

  if (!shown) return null;

  const close = () => {
    onClose();
    onDismiss?.();
  };
  const tryAgain = () => {
    if (!purchase) return;
    // The old attempt key was cleared when this purchase became final, so this is a new purchase.
    void buy.start(purchase.packId ? { packId: purchase.packId } : { credits: purchase.credits }).then((created) => {
      if (!created) return; // the error stays visible here, with Retry
      close();
      onStarted?.(created);
    });
  };
  const what = purchase
    ? { credits: credits(purchase.credits), price: format.money(purchase.price, purchase.currency) }
    : {};
  const state = purchase?.status ?? (watch.isStopped ? "error" : "checking");

  let body: ReactNode;
  let actions: ReactNode = null;
  const button = (label: string, onClick: () => void, primary?: boolean) => (
    <button
      type="button"
      className={cx("ck-button", primary ? "ck-button--primary" : "ck-button--secondary")}
      onClick={onClick}
    >
      {label}
    </button>
  );
  const resume =
    purchase?.paymentUrl && button(t("resumePayment"), () => navigate(purchase.paymentUrl as string), true);

  if (!purchase) {
    body = watch.isStopped ? <ErrorNotice error={watch.error} /> : <p>{t("statusChecking")}</p>;
    if (watch.isStopped) actions = button(t("dismiss"), close);
  } else if (purchase.status === "pending") {
    if (watch.result === "cancelled") {
      body = <p>{t("statusNotCompleted", what)}</p>;
      actions = (
        <>
          {resume}
          {button(t("dismiss"), close)}
        </>
      );
    } else if (watch.timedOut) {
      body = <p>{t("statusStillProcessing")}</p>;
      actions = (
        <>
          {button(t("checkAgain"), watch.checkNow, true)}
          {resume}
        </>
      );
    } else {
      body = <p>{t(pendingKey, what)}</p>;
    }
  } else if (purchase.status === "paid") {
    body = <p>{t("statusPaid", what)}</p>;
    actions = button(t("dismiss"), close);
  } else {
    const key =
      purchase.status === "cancelled"
        ? "statusCancelled"
        : purchase.status === "expired"
          ? "statusExpired"
          : "statusFailed";
    body = <p>{t(key)}</p>;
    actions = (
      <>
        {button(t("tryAgain"), tryAgain, true)}
        {button(t("dismiss"), close)}
      </>
    );
  }

  return (
    <CkRoot
      as="section"
      ref={region}
      tabIndex={-1}
      role="status"
      className={cx("ck-status", `ck-status--${state}`, className)}
    >
      {body}
      {actions ? <div className="ck-actions">{actions}</div> : null}
      {buy.status === "error" ? <ErrorNotice error={buy.error} onRetry={tryAgain} /> : null}
    </CkRoot>
  );
}
