import type { PurchaseCreatedBody, PurchaseStatusBody } from "@creditkit/contract";
import { useEffect, useRef } from "react";
import { useCreditKit } from "../context.ts";
import { type CheckoutMode, usePurchase } from "../hooks/use-purchase.ts";
import { usePurchaseReturn } from "../hooks/use-purchase-return.ts";
import { usePurchaseStatus } from "../hooks/use-purchase-status.ts";
import type { MessageKey } from "../messages/en.ts";
import { messageKey } from "../messages/interpolate.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { ErrorNotice } from "./error-notice.tsx";

export interface PurchaseOutcomeProps {
  /** Watch this purchase (e.g. one paid in a new window). Without it: the purchase in the return URL. */
  purchaseId?: string;
  /** Checkout mode for "Try again". */
  checkout?: CheckoutMode;
  /** Called once with the purchase when it reaches a final status. */
  onOutcome?: (purchase: PurchaseStatusBody) => void;
  /** Called when "Try again" started a new purchase. */
  onStarted?: (purchase: PurchaseCreatedBody) => void;
  /** Called when the customer dismisses the outcome. */
  onDismiss?: () => void;
  className?: string;
}

/**
 * The outcome of one purchase: pending (with what was bought), then credited once the BFF says paid, or
 * cancelled / expired / failed with a way to try again. Renders nothing when there is nothing to show.
 */
export function PurchaseOutcome(props: PurchaseOutcomeProps) {
  return props.purchaseId ? (
    <WatchedPurchase {...props} purchaseId={props.purchaseId} />
  ) : (
    <ReturnedPurchase {...props} />
  );
}

type Watch = ReturnType<typeof usePurchaseStatus> & { result?: "success" | "cancelled" | null };
type Action = [MessageKey, () => void];

function ReturnedPurchase(props: PurchaseOutcomeProps) {
  const watch = usePurchaseReturn();
  return <Outcome {...props} watch={watch} onClose={watch.dismiss} focusOnMount />;
}

function WatchedPurchase(props: PurchaseOutcomeProps & { purchaseId: string }) {
  const watch = usePurchaseStatus(props.purchaseId);
  return <Outcome {...props} watch={watch} pendingKey="buyNewWindow" />;
}

function Outcome({
  watch,
  onClose,
  focusOnMount,
  pendingKey = "statusPending",
  checkout,
  onOutcome,
  onStarted,
  onDismiss,
  className,
}: PurchaseOutcomeProps & { watch: Watch; onClose?: () => void; focusOnMount?: boolean; pendingKey?: MessageKey }) {
  const { t, format, credits, navigate } = useCreditKit();
  const buy = usePurchase({ checkout });
  const region = useRef<HTMLElement>(null);
  const { purchase, purchaseId } = watch;
  const shown = purchaseId !== null;

  useEffect(() => {
    // Back from the payment page: put keyboard and screen-reader focus on the outcome.
    if (shown && focusOnMount) region.current?.focus();
  }, [shown, focusOnMount]);

  const final = watch.isFinal ? purchase : undefined;
  const onOutcomeRef = useRef(onOutcome);
  onOutcomeRef.current = onOutcome;
  useEffect(() => {
    if (final) onOutcomeRef.current?.(final);
  }, [final]);

  if (!shown) return null;

  const close = () => {
    onClose?.();
    onDismiss?.();
  };
  const dismiss: Action = ["dismiss", close];
  let key: MessageKey = "statusChecking";
  let actions: Action[] = watch.isStopped ? [dismiss] : [];

  if (purchase?.status === "pending") {
    const resume: Action[] = purchase.paymentUrl
      ? [["resumePayment", () => navigate(purchase.paymentUrl as string)]]
      : [];
    if (watch.timedOut) {
      key = "statusStillProcessing";
      actions = [["checkAgain", watch.checkNow], ...resume];
    } else {
      key = pendingKey;
    }
  } else if (purchase) {
    key = messageKey("status", purchase.status as Exclude<typeof purchase.status, "pending">);
    const retry = (): void =>
      // The old attempt key was cleared when this purchase became final, so this is a new purchase.
      void buy.start(purchase.packId ? { packId: purchase.packId } : { credits: purchase.credits }).then((created) => {
        if (!created) return; // the error stays visible here, with Retry
        close();
        onStarted?.(created);
      });
    actions = purchase.status === "paid" ? [dismiss] : [["tryAgain", retry], dismiss];
  }

  return (
    <CkRoot
      as="section"
      ref={region}
      tabIndex={-1}
      role="status"
      className={cx(
        "ck-status",
        `ck-status--${purchase?.status ?? (watch.isStopped ? "error" : "checking")}`,
        className,
      )}
    >
      {watch.isStopped && !purchase ? (
        <ErrorNotice error={watch.error} />
      ) : (
        <p>
          {t(
            key,
            purchase && { credits: credits(purchase.credits), price: format.money(purchase.price, purchase.currency) },
          )}
        </p>
      )}
      {actions.length ? (
        <div className="ck-actions">
          {actions.map(([label, onClick], i) => (
            <button
              key={label}
              type="button"
              className={`ck-button ck-button--${i ? "secondary" : "primary"}`}
              onClick={onClick}
            >
              {t(label)}
            </button>
          ))}
        </div>
      ) : null}
      {buy.status === "error" ? <ErrorNotice error={buy.error} onRetry={actions[0]?.[1]} /> : null}
    </CkRoot>
  );
}
