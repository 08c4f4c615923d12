import { expect, type Locator, type Page } from "@playwright/test";

/** "37,935 credits": how the widget prints a credit count in English. */
export function creditsText(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "credit" : "credits"}`;
}

/** "$45.00" */
export function usd(price: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(price as `${number}`);
}

/**
 * The demo dashboard as a customer sees it, by roles and visible text wherever the widget gives
 * them; CSS classes only where nothing else tells two parts apart (the balance figure, the
 * outcome region, the history rows).
 */
export class Dashboard {
  readonly balanceValue: Locator;
  /** The outcome of the purchase the customer came back from (or watches in a new window). */
  readonly outcome: Locator;
  /** The outcome's sentence, without its buttons. */
  readonly outcomeMessage: Locator;
  readonly historyRows: Locator;
  readonly voidedSwitch: Locator;
  readonly pageInfo: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.balanceValue = page.locator(".ck-balance-value");
    this.outcome = page.locator("section.ck-status");
    this.outcomeMessage = this.outcome.locator("p").first();
    this.historyRows = page.locator(".ck-history tbody tr");
    this.voidedSwitch = page.getByRole("switch", { name: "Show voided" });
    this.pageInfo = page.locator(".ck-pager-info");
    this.total = page.locator(".ck-total");
  }

  /** `/` with optional query parameters (`lang`, `checkout`), once the balance is on screen. */
  async open(params: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams(params).toString();
    await this.page.goto(query ? `/?${query}` : "/");
    await expect(this.balanceValue).toBeVisible();
  }

  /** The balance as a number, read from the screen. */
  async balance(): Promise<number> {
    const text = (await this.balanceValue.textContent()) ?? "";
    const digits = text.replace(/[^\d]/g, "");
    if (!digits) throw new Error(`no balance figure in "${text}"`);
    return Number(digits);
  }

  pack(label: string): Locator {
    return this.page.getByRole("radio", { name: new RegExp(`^${label}\\b`) });
  }

  /** The main Buy button ("Buy 1,000 credits for $10.00"), not the low-balance top-up. */
  buyButton(): Locator {
    return this.page.getByRole("button", { name: /^Buy / });
  }

  /** Clicks Buy and waits for the hosted payment page. */
  async buy(): Promise<void> {
    await this.buyButton().click();
    await expect(this.page).toHaveURL(/\/portal\/pay\//);
  }

  /** The first history row (newest grant). */
  firstGrant(): Locator {
    return this.historyRows.first();
  }
}
