import type { PurchaseCreatedBody } from "@creditkit/contract";
import { act, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_POLLING } from "../core/polling.ts";
import { bffForFile } from "../test/bff-harness.ts";
import { fakeClock, passPollingBudget } from "../test/fake-clock.ts";
import { renderWithBff } from "../test/render.tsx";
import { TopUpWidget } from "./top-up-widget.tsx";

const bff = await bffForFile();
afterEach(() => vi.useRealTimers());

/** A purchase created the way the widget creates it (real handler), before the customer "leaves". */
async function createPurchase(body: object = { packId: "starter" }): Promise<PurchaseCreatedBody> {
  const res = await bff.fetch("/api/topup/purchases", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `test_${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return res.json();
}

/** The browser lands on the merchant page at the URL the hosted page redirected to. */
function landOn(url: string) {
  const target = new URL(url);
  window.history.replaceState(null, "", `${target.pathname}${target.search}${target.hash}`);
}

const returnUrl = (purchaseId: string, result: "success" | "cancelled", extra = "") =>
  `http://localhost:3000/?tab=billing&ck_purchase=${purchaseId}&ck_result=${result}${extra}`;

const balanceText = () => screen.getByText(/credits?$/, { selector: ".ck-balance-value" }).textContent;

describe("the return from the payment page", () => {
  it("shows the purchase pending, then credited once the BFF says paid; refreshes balance and history", async () => {
    const purchase = await createPurchase({ packId: "growth" });
    landOn(`${returnUrl(purchase.purchaseId, "success")}#plans`);
    renderWithBff(<TopUpWidget />, { bff, polling: { initialDelayMs: 20, maxDelayMs: 50, timeoutMs: 60_000 } });

    const status = await screen.findByText(
      "Payment for 5,000 credits ($45.00) in progress. Credits appear once it is confirmed.",
    );
    const region = status.closest("section");
    expect(region).toHaveAttribute("role", "status");
    await waitFor(() => expect(region).toHaveFocus());
    await waitFor(() => expect(balanceText()).toMatch(/credits$/));
    const before = balanceText();
    // Nothing is credited while pending: the URL keeps its parameters so a reload still finds it.
    expect(window.location.search).toContain("ck_purchase=");

    await bff.pay(purchase.paymentUrl, "complete");
    expect(await screen.findByText("5,000 credits added to your balance.")).toBeVisible();
    const toNumber = (text: string | null) => Number(text?.replace(/\D/g, ""));
    await waitFor(() => expect(toNumber(balanceText())).toBe(toNumber(before) + 5000));
    const newRow = await screen.findByText("New");
    expect(within(newRow.closest("tr") as HTMLElement).getByText("5,000")).toBeInTheDocument();
    expect(within(newRow.closest("tr") as HTMLElement).getByText("Purchase")).toBeInTheDocument();
    // Cleaned: our two parameters gone, the merchant's own parameter and hash kept, no new history entry.
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe("/?tab=billing#plans");
  });

  it("shows a cancelled payment with a way to try again (a new purchase)", async () => {
    const purchase = await createPurchase();
    const redirect = await bff.pay(purchase.paymentUrl, "cancel");
    expect(redirect).toBe(returnUrl(purchase.purchaseId, "cancelled").replace("tab=billing&", ""));
    landOn(redirect as string);
    const { navigations } = renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByText("Payment cancelled. You were not charged.")).toBeVisible();
    // Each outcome region is named by its own message: found by role and name, apart from other live regions.
    expect(screen.getByRole("status", { name: "Payment cancelled. You were not charged." })).toHaveClass("ck-status");
    await waitFor(() => expect(window.location.search).toBe(""));

    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).not.toBe(purchase.paymentUrl);
    expect(navigations[0]).toMatch(/\/portal\/pay\/ps_/);
  });

  it("shows an expired payment session", async () => {
    const purchase = await createPurchase();
    await bff.control("POST", "/__emulator/clock", { advanceBy: "PT25H" });
    landOn(returnUrl(purchase.purchaseId, "cancelled"));
    renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByText("The payment session expired. No credits were added.")).toBeVisible();
    const region = screen.getByRole("status", { name: "The payment session expired. No credits were added." });
    expect(within(region).getByRole("button", { name: "Try again" })).toBeVisible();
  });

  it("shows a declined payment as failed, with a way to try again", async () => {
    const purchase = await createPurchase({ credits: 2500 });
    await bff.pay(purchase.paymentUrl, "decline");
    landOn(returnUrl(purchase.purchaseId, "success"));
    const { navigations } = renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByText("The payment failed. No credits were added.")).toBeVisible();
    expect(screen.getByRole("status", { name: "The payment failed. No credits were added." })).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const retried = bff.sent.filter((r) => r.method === "POST").at(-1);
    expect(await retried?.json()).toEqual({ credits: 2500 });
  });

  it("gives up polling after its budget, says the payment is still processing, and checks again on focus", async () => {
    const purchase = await createPurchase();
    landOn(returnUrl(purchase.purchaseId, "success"));
    fakeClock();
    renderWithBff(<TopUpWidget />, { bff, polling: DEFAULT_POLLING });
    await screen.findByText(/^Payment for 1,000 credits/);
    await passPollingBudget();
    expect(
      await screen.findByText("Your payment is still processing. We'll check again when you return to this tab."),
    ).toBeVisible();
    expect(screen.getByRole("button", { name: "Continue payment" })).toBeVisible();
    const polls = bff.sent.filter((r) => r.url.includes(`/purchases/${purchase.purchaseId}`)).length;
    expect(polls).toBeGreaterThanOrEqual(2); // the first check and at least one poll, then it stopped

    await bff.pay(purchase.paymentUrl, "complete");
    act(() => {
      window.dispatchEvent(new FocusEvent("focus"));
    });
    expect(await screen.findByText("1,000 credits added to your balance.")).toBeVisible();
  });

  it("checks again on request after giving up", async () => {
    const purchase = await createPurchase();
    landOn(returnUrl(purchase.purchaseId, "success"));
    fakeClock();
    renderWithBff(<TopUpWidget />, { bff, polling: DEFAULT_POLLING });
    await screen.findByText(/^Payment for 1,000 credits/);
    await passPollingBudget();
    await userEvent.click(await screen.findByRole("button", { name: "Check again" }));
    // A new budget: polling resumes and finds the payment made after the click.
    await bff.pay(purchase.paymentUrl, "complete");
    await vi.advanceTimersByTimeAsync(DEFAULT_POLLING.initialDelayMs);
    expect(await screen.findByText("1,000 credits added to your balance.")).toBeVisible();
  });

  it("keeps polling through a transient BFF error", async () => {
    const purchase = await createPurchase();
    await bff.control("POST", "/__emulator/faults", { method: "GET", path: "/v2/invoices/*", status: 503, times: 2 });
    await bff.pay(purchase.paymentUrl, "complete");
    landOn(returnUrl(purchase.purchaseId, "success"));
    renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByText("1,000 credits added to your balance.")).toBeVisible();
  });

  it("says so when the purchase does not exist (or is someone else's)", async () => {
    const purchase = await createPurchase();
    bff.signInAs("acme-bob");
    landOn(returnUrl(purchase.purchaseId, "success"));
    renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't find this purchase.");
    // The error inside the stopped watch's region is an alert named by its words.
    expect(screen.getByRole("alert", { name: "We couldn't find this purchase." })).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(window.location.search).toBe("?tab=billing");
  });

  it("ignores a malformed purchase id in the URL", async () => {
    landOn("http://localhost:3000/?ck_purchase=pur_nothex&ck_result=success");
    renderWithBff(<TopUpWidget />, { bff });
    await screen.findByRole("table");
    expect(screen.queryByText(/payment/i)).toBeNull();
    expect(bff.sent.some((r) => r.url.includes("/purchases/"))).toBe(false);
  });

  it("clears the attempt key once the purchase is final, so the next Buy is a new purchase", async () => {
    const { navigations } = renderWithBff(<TopUpWidget />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy 1,000 credits/ }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const firstKey = bff.sent.find((r) => r.method === "POST")?.headers.get("idempotency-key");
    const redirect = await bff.pay(navigations[0] as string, "complete");
    landOn(redirect as string);
    const returned = renderWithBff(<TopUpWidget />, { bff });
    expect(await screen.findByText("1,000 credits added to your balance.")).toBeVisible();
    expect(window.sessionStorage.getItem("creditkit.attempt:/api/topup")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: /^Buy 1,000 credits/ }));
    await waitFor(() => expect(returned.navigations).toHaveLength(1));
    const keys = bff.sent.filter((r) => r.method === "POST").map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(firstKey);
    expect(returned.navigations[0]).not.toBe(navigations[0]);
  });
});
