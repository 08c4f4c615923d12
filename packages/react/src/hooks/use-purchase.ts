import type { PurchaseCreatedBody, PurchaseSelection } from "@creditkit/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCreditKit } from "../context.ts";
import { attemptFor, clearAttempt, saveAttempt } from "../core/attempt-store.ts";
import { clock } from "../core/clock.ts";
import type { CreditKitError } from "../core/errors.ts";

export type CheckoutMode = "redirect" | "new-window";

export type PurchaseStartState =
  | { status: "idle" }
  | { status: "creating" }
  | { status: "redirecting"; purchase: PurchaseCreatedBody }
  /** new-window checkout: the payment page is open elsewhere; watch `purchase.purchaseId`. */
  | { status: "opened"; purchase: PurchaseCreatedBody }
  | { status: "error"; error: CreditKitError };

export interface UsePurchaseOptions {
  /** "redirect" (default) leaves for the payment page; "new-window" opens it in a new window. */
  checkout?: CheckoutMode;
}

/**
 * Starts a purchase and goes to the payment page. Call `start` straight from a click handler:
 * - a same-tick guard turns a double click into one request (the second call gets the first's promise);
 * - the attempt key in sessionStorage makes retries and a reload before the redirect reuse the purchase;
 * - with checkout "new-window" the blank window is opened synchronously inside the click, so popup
 *   blockers allow it, and pointed at the payment URL once it arrives.
 */
export function usePurchase({ checkout = "redirect" }: UsePurchaseOptions = {}) {
  const { basePath, client, navigate } = useCreditKit();
  const [state, setState] = useState<PurchaseStartState>({ status: "idle" });
  const inFlight = useRef<Promise<PurchaseCreatedBody | null> | null>(null);

  const start = useCallback(
    (selection: PurchaseSelection): Promise<PurchaseCreatedBody | null> => {
      if (inFlight.current) return inFlight.current;
      const popup = checkout === "new-window" ? openBlankWindow() : null;
      setState({ status: "creating" });
      const run = (async () => {
        try {
          let attempt = attemptFor(basePath, selection);
          let created = await client.createPurchase(selection, attempt.key);
          if (Date.parse(created.expiresAt) <= clock.now()) {
            // A replay of an attempt whose payment session has lapsed: its page can no longer be paid.
            clearAttempt(basePath);
            attempt = attemptFor(basePath, selection);
            created = await client.createPurchase(selection, attempt.key);
          }
          saveAttempt(basePath, { ...attempt, purchaseId: created.purchaseId });
          if (popup) {
            popup.location.href = created.paymentUrl;
            setState({ status: "opened", purchase: created });
          } else {
            setState({ status: "redirecting", purchase: created });
            navigate(created.paymentUrl);
          }
          return created;
        } catch (error) {
          popup?.close();
          // The key is now bound to something else on the server: the next try must use a new one.
          if ((error as CreditKitError).code === "idempotency_conflict") clearAttempt(basePath);
          // The client only throws CreditKitErrors (network failures included).
          setState({ status: "error", error: error as CreditKitError });
          return null;
        } finally {
          inFlight.current = null;
        }
      })();
      inFlight.current = run;
      return run;
    },
    [basePath, client, navigate, checkout],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);

  useEffect(() => {
    // Back from the payment page via the back/forward cache: the page is restored as it was left,
    // "Redirecting…"; make the button usable again (the attempt key still makes it the same purchase).
    const onShow = (event: PageTransitionEvent) => event.persisted && reset();
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
  }, [reset]);

  return { ...state, start, reset };
}

/** A blank window opened inside the click; null when a popup blocker refused (then we redirect instead). */
function openBlankWindow(): Window | null {
  const popup = window.open("", "_blank");
  // The payment page must not be able to script or navigate this dashboard.
  if (popup) popup.opener = null;
  return popup;
}
