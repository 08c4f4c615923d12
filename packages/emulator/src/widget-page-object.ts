import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The names the widget gives its parts, in English (the default `messages`). A page in another
 * locale, or with overridden messages, passes its own.
 */
export interface WidgetNames {
  /** The balance group's label (`balanceLabel`). */
  balance: string;
  /** The pack picker's legend (`packsLegend`). */
  packs: string;
  /** The Buy button's name, before the pack and price (`buy`: "Buy {credits} for {price}"). */
  buy: RegExp;
  /** The history region's heading (`historyTitle`). */
  history: string;
}

export const ENGLISH_WIDGET_NAMES: WidgetNames = {
  balance: "Available balance",
  packs: "Choose a credit pack",
  buy: /^Buy /,
  history: "Credit history",
};

/**
 * What the widget says after a purchase, by outcome (the widget's English messages). Pass to
 * `outcome()`; `paid` takes the credits as the widget prints them ("1,000 credits").
 */
export const OUTCOME_MESSAGES = {
  pending: /^Payment for .* in progress\./,
  stillProcessing: "Your payment is still processing. We'll check again when you return to this tab.",
  paid: (credits: string) => `${credits} added to your balance.`,
  cancelled: "Payment cancelled. You were not charged.",
  expired: "The payment session expired. No credits were added.",
  failed: "The payment failed. No credits were added.",
} as const;

/**
 * A page object for `@creditkit/react`'s top-up widget, built only on roles and accessible names
 * (no CSS classes, no test ids), so it holds under a merchant's own styling and class names:
 *
 *   const widget = creditKitWidget(page);
 *   const before = await widget.balance();
 *   await widget.buy("Growth");               // picks the pack, presses Buy, waits to leave the page
 *   await emulator.pay(page);
 *   await expect(widget.outcome(OUTCOME_MESSAGES.paid("5,000 credits"))).toBeVisible();
 *   expect(await widget.balance()).toBe(before + 5000);
 */
export function creditKitWidget(page: Page, names: WidgetNames = ENGLISH_WIDGET_NAMES) {
  const balanceGroup = page.getByRole("group", { name: names.balance });
  const history = page.getByRole("region", { name: names.history });
  const buyButton = page.getByRole("button", { name: names.buy });

  return {
    /** The balance group (label and figure). */
    balanceGroup,
    /** The balance as a number: the first whole number the group shows after its label. */
    async balance(): Promise<number> {
      await expect(balanceGroup).toContainText(/\d/);
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node; the rendered text is what a customer reads (no hidden parts)
      const text = (await balanceGroup.innerText()).replace(names.balance, "");
      const figure = /\d[\d,.\s\u00a0\u202f']*/.exec(text)?.[0] ?? "";
      return Number(figure.replace(/\D/g, ""));
    },
    /** Waits until the balance shown is `expected` (it refreshes after a purchase). */
    async expectBalance(expected: number): Promise<void> {
      await expect.poll(() => this.balance(), { message: "the widget's balance" }).toBe(expected);
    },
    /** The pack picker (a group named by its legend). */
    packs: page.getByRole("group", { name: names.packs }),
    /** One pack's radio, by its label ("Starter", "Growth"). */
    pack(label: string | RegExp): Locator {
      const name =
        typeof label === "string" ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`) : label;
      return page.getByRole("group", { name: names.packs }).getByRole("radio", { name });
    },
    buyButton,
    /**
     * Picks `pack` (when given), presses Buy and waits until the browser leaves for the payment
     * page (same-window checkout).
     */
    async buy(pack?: string | RegExp): Promise<void> {
      if (pack !== undefined) await this.pack(pack).check();
      const from = page.url();
      await buyButton.click();
      await page.waitForURL((url) => url.href !== from);
    },
    /**
     * The outcome region whose message is `message` (a `role="status"` named by its own words),
     * e.g. `OUTCOME_MESSAGES.cancelled`; its buttons ("Try again", "Dismiss") are inside it.
     */
    outcome(message: string | RegExp): Locator {
      return page.getByRole("status", { name: message });
    },
    /** An error the widget announces (`role="alert"` named by its message), never a framework's own alert. */
    alert(message: string | RegExp): Locator {
      return page.getByRole("alert", { name: message });
    },
    /** The credit history region. */
    history,
    /** The history's rows, without the header row. */
    historyRows(): Locator {
      return history.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
    },
  };
}

export type CreditKitWidget = ReturnType<typeof creditKitWidget>;
