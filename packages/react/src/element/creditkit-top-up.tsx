import type { PurchaseCreatedBody, PurchaseStatusBody } from "@creditkit/contract";
import { createRoot, type Root } from "react-dom/client";
import { TopUpWidget } from "../components/top-up-widget.tsx";
import type { CheckoutMode } from "../hooks/use-purchase.ts";
import { de } from "../locales/de.ts";
import type { Messages } from "../messages/en.ts";
import { CreditKitProvider } from "../provider.tsx";
import styles from "../styles.css?inline";
import { hostThemeCss } from "./host-theme.ts";

/** The element's attributes; each change re-renders the widget with the new value. */
export const ELEMENT_ATTRIBUTES = ["base-path", "locale", "theme", "checkout", "low-balance-threshold"] as const;

/**
 * The DOM events the element dispatches (bubbling, composed), with the purchase as `detail`:
 * started when a purchase is created (before the browser leaves for the payment page), then one
 * of credited, cancelled or failed (`detail.status` "failed" or "expired") once it is final.
 */
export const PURCHASE_EVENTS = {
  started: "creditkit-purchase-started",
  credited: "creditkit-purchase-credited",
  cancelled: "creditkit-purchase-cancelled",
  failed: "creditkit-purchase-failed",
} as const;

const OUTCOME_EVENTS: Record<Exclude<PurchaseStatusBody["status"], "pending">, string> = {
  paid: PURCHASE_EVENTS.credited,
  cancelled: PURCHASE_EVENTS.cancelled,
  expired: PURCHASE_EVENTS.failed,
  failed: PURCHASE_EVENTS.failed,
};

const CHECKOUT_MODES: readonly string[] = ["redirect", "new-window"] satisfies CheckoutMode[];

/** Dictionaries the element ships: German for a `de…` locale, else English. */
function messagesFor(locale: string | undefined): Partial<Messages> | undefined {
  return locale?.toLowerCase().startsWith("de") ? de : undefined;
}

let sheet: string | undefined;

/**
 * `<creditkit-top-up base-path="/api/topup" locale="de-DE" theme="dark" checkout="new-window"
 * low-balance-threshold="200">`: the React `TopUpWidget` in a shadow root, for pages without React.
 * The page's CSS does not reach in; the theme's custom properties set on the element do.
 */
export class CreditKitTopUpElement extends HTMLElement {
  static observedAttributes = [...ELEMENT_ATTRIBUTES];
  #root: Root | null = null;
  #mount: HTMLElement | null = null;

  connectedCallback(): void {
    if (!this.#mount) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      sheet ??= hostThemeCss(styles);
      style.textContent = sheet;
      this.#mount = document.createElement("div");
      shadow.replaceChildren(style, this.#mount);
    }
    this.#root ??= createRoot(this.#mount);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#root?.unmount();
    this.#root = null;
  }

  attributeChangedCallback(): void {
    if (this.#root) this.#render();
  }

  #emit(type: string, detail: PurchaseCreatedBody | PurchaseStatusBody): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #render(): void {
    const locale = this.getAttribute("locale") ?? undefined;
    const theme = this.getAttribute("theme");
    const checkout = this.getAttribute("checkout");
    const threshold = Number.parseInt(this.getAttribute("low-balance-threshold") ?? "", 10);
    this.#root?.render(
      <CreditKitProvider
        basePath={this.getAttribute("base-path") ?? undefined}
        locale={locale}
        messages={messagesFor(locale)}
        theme={theme === "light" || theme === "dark" ? theme : undefined}
      >
        <TopUpWidget
          checkout={CHECKOUT_MODES.includes(checkout as CheckoutMode) ? (checkout as CheckoutMode) : undefined}
          lowBalanceThreshold={Number.isFinite(threshold) && threshold >= 0 ? threshold : undefined}
          onPurchaseStarted={(purchase) => this.#emit(PURCHASE_EVENTS.started, purchase)}
          onPurchaseOutcome={(purchase) => {
            const type = purchase.status === "pending" ? undefined : OUTCOME_EVENTS[purchase.status];
            if (type) this.#emit(type, purchase);
          }}
        />
      </CreditKitProvider>,
    );
  }
}
