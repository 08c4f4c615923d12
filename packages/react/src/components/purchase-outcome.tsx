import type { PurchaseCreatedBody, PurchaseStatus, PurchaseStatusBody } from "@creditkit/contract";
import { useEffect, useRef } from "react";
import { useCreditKit } from "../context.ts";
import { type CheckoutMode, usePurchase } from "../hooks/use-purchase.ts";
import { usePurchaseReturn } from "../hooks/use-purchase-return.ts";
import { usePurchaseStatus } from "../hooks/use-purchase-status.ts";
import type { MessageKey } from "../messages/en.ts";
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

/** A button under the outcome; the first one shown is the primary one. */
interface Action {
  label: MessageKey;
  onClick: () => void;
}

/** What a final status says; pending's words depend on where the purchase is being paid. */
const FINAL_STATUS_MESSAGES: Record<Exclude<PurchaseStatus, "pending">, MessageKey> = {
  paid: "statusPaid",
  cancelled: "statusCancelled",
  expired: "statusExpired",
  failed: "statusFailed",
};

function ReturnedPurchase(props: PurchaseOutcomeProps) {
  const watch = usePurchaseReturn();
  return <Outcome {...props} watch={watch} onClose={watch.dismiss} focusOnMount />;
}

function WatchedPurchase(props: PurchaseOutcomeProps & { purchaseId: string }) {
  const watch = usePurchaseStatus(props.purchaseId);
  return <Outcome {...props} watch={watch} pendingMessage="buyNewWindow" />;
}

function Outcome({
  watch,
  onClose,
  focusOnMount,
  pendingMessage = "statusPending",
  checkout,
  onOutcome,
  onStarted,
  onDismiss,
  className,
}: PurchaseOutcomeProps & { watch: Watch; onClose?: () => void; focusOnMount?: boolean; pendingMessage?: MessageKey }) {
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
  const dismiss: Action = { label: "dismiss", onClick: close };
  let message: MessageKey = "statusChecking";
  let actions: Action[] = watch.isStopped ? [dismiss] : [];
  let tryAgain: (() => void) | undefined;

  if (purchase?.status === "pending") {
    const { paymentUrl } = purchase;
    const resume: Action[] = paymentUrl ? [{ label: "resumePayment", onClick: () => navigate(paymentUrl) }] : [];
    if (watch.timedOut) {
      message = "statusStillProcessing";
      actions = [{ label: "checkAgain", onClick: watch.checkNow }, ...resume];
    } else {
      message = pendingMessage;
    }
  } else if (purchase) {
    message = FINAL_STATUS_MESSAGES[purchase.status];
    tryAgain = (): void =>
      // The old attempt key was cleared when this purchase became final, so this is a new purchase.
      void buy.start(purchase.packId ? { packId: purchase.packId } : { credits: purchase.credits }).then((created) => {
        if (!created) return; // the error stays visible here, with Retry
        close();
        onStarted?.(created);
      });
    actions = purchase.status === "paid" ? [dismiss] : [{ label: "tryAgain", onClick: tryAgain }, dismiss];
  }

  const text = t(
    message,
    purchase && { credits: credits(purchase.credits), price: format.money(purchase.price, purchase.currency) },
  );
  return (
    // Named by its own message, so each outcome is found by role and name
    // (getByRole("status", { name: "Payment cancelled. …" })) apart from any other live region.
    <CkRoot
      as="section"
      ref={region}
      tabIndex={-1}
      role="status"
      aria-label={purchase && text}
      className={cx(
        "ck-status",
        `ck-status--${purchase?.status ?? (watch.isStopped ? "error" : "checking")}`,
        className,
      )}
    >
      {watch.isStopped && !purchase ? <ErrorNotice error={watch.error} /> : <p>{text}</p>}
      {actions.length ? (
        <div className="ck-actions">
          {actions.map(({ label, onClick }, i) => (
            <button
              key={label}
              type="button"
              className={cx("ck-button", i === 0 ? "ck-button--primary" : "ck-button--secondary")}
              onClick={onClick}
            >
              {t(label)}
            </button>
          ))}
        </div>
      ) : null}
      {buy.status === "error" ? <ErrorNotice error={buy.error} onRetry={tryAgain} /> : null}
    </CkRoot>
  );
}
