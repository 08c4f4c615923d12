import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Bff, bffForFile, invoicesCreated, startBff } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { BuyButton } from "./buy-button.tsx";
import { TopUpWidget } from "./top-up-widget.tsx";

const bff = await bffForFile();
afterEach(() => vi.restoreAllMocks());

const purchasePosts = () => bff.sent.filter((r) => r.method === "POST" && r.url.endsWith("/purchases"));

describe("BuyButton", () => {
  it("creates the purchase and navigates to the payment page", async () => {
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "growth" }} />, { bff });
    const button = await screen.findByRole("button", { name: "Buy 5,000 credits for $45.00" });
    await userEvent.click(button);
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toMatch(new RegExp(`^${bff.emu.url}/portal/pay/ps_`));
    const [post] = purchasePosts();
    expect(await post?.json()).toEqual({ packId: "growth" });
    expect(post?.headers.get("idempotency-key")).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(screen.getByRole("button")).toHaveTextContent("Opening the payment page…");
  });

  it("buys a custom amount with exactly { credits }", async () => {
    const { navigations } = renderWithBff(<BuyButton selection={{ credits: 2500 }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: "Buy 2,500 credits for $25.00" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(await purchasePosts()[0]?.json()).toEqual({ credits: 2500 });
  });

  it("turns a double click into one purchase: one request, one invoice", async () => {
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    const button = await screen.findByRole("button", { name: /^Buy 1,000 credits/ });
    // Two clicks in the same tick, before React could re-render the button as busy.
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(navigations).toHaveLength(1));
    await userEvent.click(button); // and a third one while redirecting
    expect(purchasePosts()).toHaveLength(1);
    expect(await invoicesCreated(bff)).toBe(1);
  });

  it("reuses the purchase after a reload before the redirect (same key, same invoice)", async () => {
    const first = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(first.navigations).toHaveLength(1));
    first.unmount(); // the page reloads; sessionStorage survives

    const second = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(second.navigations).toHaveLength(1));

    expect(second.navigations[0]).toBe(first.navigations[0]);
    const [a, b] = purchasePosts();
    expect(b?.headers.get("idempotency-key")).toBe(a?.headers.get("idempotency-key"));
    expect(await invoicesCreated(bff)).toBe(1);
  });

  it("uses a new key for another pack", async () => {
    const first = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(first.navigations).toHaveLength(1));
    first.unmount();
    const second = renderWithBff(<BuyButton selection={{ packId: "scale" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(second.navigations).toHaveLength(1));
    const [a, b] = purchasePosts();
    expect(b?.headers.get("idempotency-key")).not.toBe(a?.headers.get("idempotency-key"));
    expect(await invoicesCreated(bff)).toBe(2);
  });

  it("explains an unavailable payment service and retries with the same key", async () => {
    await bff.control("POST", "/__emulator/faults", {
      method: "POST",
      path: "/v1/entitlements/*/grants/purchase",
      status: 503,
      times: 1,
    });
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Payment service unavailable. Please try again.");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const [a, b] = purchasePosts();
    expect(b?.headers.get("idempotency-key")).toBe(a?.headers.get("idempotency-key"));
    expect(await invoicesCreated(bff)).toBe(1);
  });

  it("recovers from a timeout whose purchase did happen upstream: the retry finds the same invoice", async () => {
    await bff.reset({ paygentic: { apiKey: bff.emu.apiKey, baseUrl: bff.emu.url, timeoutMs: 150, retries: 0 } });
    await bff.control("POST", "/__emulator/faults", {
      method: "POST",
      path: "/v1/entitlements/*/grants/purchase",
      delayMs: 400,
      times: 1,
    });
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The payment service took too long. Please try again.");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const purchases = (await bff.upstream()).filter((r) => r.path.endsWith("/grants/purchase"));
    // Both calls carried the same upstream key; the emulator answered the second as a replay.
    expect(
      new Set(purchases.map((r) => JSON.stringify((r.body as { idempotencyKey?: string }).idempotencyKey))).size,
    ).toBe(1);
  });

  it("says when the customer is rate limited", async () => {
    await bff.reset({ rateLimit: { max: 1, windowSeconds: 60 } });
    const first = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(first.navigations).toHaveLength(1));
    first.unmount();
    renderWithBff(<BuyButton selection={{ packId: "growth" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^Too many attempts\. Try again in \d+ seconds\./);
  });

  it("says the page's address does not match the app's URL when opened at another address of the server", async () => {
    // The page is at the bridge's origin; the BFF was configured for another name of the same server.
    await bff.reset({ publicOrigin: "http://localhost:9" });
    renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This page's address does not match the app's configured URL. Open the app at its usual address.",
    );
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull(); // reloading cannot help
  });

  it("asks to sign in again when the session is gone, without a useless Retry", async () => {
    renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    const button = await screen.findByRole("button", { name: /^Buy/ });
    bff.signInAs(null);
    await userEvent.click(button);
    expect(await screen.findByRole("alert")).toHaveTextContent("Please sign in again.");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("recovers from an idempotency conflict with a fresh key", async () => {
    const first = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(first.navigations).toHaveLength(1));
    first.unmount();
    // Another tab (or a stale record) bound this key to a different pack.
    const key = "creditkit.attempt:/api/topup";
    const stored = JSON.parse(window.sessionStorage.getItem(key) ?? "{}");
    window.sessionStorage.setItem(key, JSON.stringify({ key: stored.key, selection: "pack:growth" }));

    const second = renderWithBff(<BuyButton selection={{ packId: "growth" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This purchase changed. Please try again.");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(second.navigations).toHaveLength(1));
    expect(purchasePosts()[2]?.headers.get("idempotency-key")).not.toBe(stored.key);
  });

  it("is usable again when the page comes back from the back/forward cache", async () => {
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(screen.getByRole("button")).toHaveTextContent("Opening the payment page…");
    act(() => {
      window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }));
    });
    const button = screen.getByRole("button", { name: "Buy 1,000 credits for $10.00" });
    expect(button).not.toHaveAttribute("aria-disabled");
    await userEvent.click(button);
    await waitFor(() => expect(navigations).toHaveLength(2));
    expect(navigations[1]).toBe(navigations[0]); // still the same purchase
  });

  it("stays inert without a selection", async () => {
    renderWithBff(<BuyButton selection={null} />, { bff });
    const button = await screen.findByRole("button", { name: "Choose a pack" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(button);
    expect(purchasePosts()).toHaveLength(0);
  });
});

describe("a stale attempt", () => {
  let old: Bff;
  beforeAll(async () => {
    // An emulator whose clock is two days behind: every payment session it opens has already lapsed
    // by the browser's clock, like an attempt left in sessionStorage for days.
    old = await startBff({ now: new Date(Date.now() - 2 * 86_400_000).toISOString() });
  });
  afterAll(() => old.close());

  it("is replaced by a new one when the BFF replays a purchase whose payment session has expired", async () => {
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} />, { bff: old });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const keys = old.sent.filter((r) => r.method === "POST").map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });
});

describe('checkout="new-window"', () => {
  function fakeWindowOpen() {
    const popup = { location: { href: "" }, opener: {} as unknown, closed: false, close: vi.fn() };
    const postsWhenOpened: number[] = [];
    // window.open is the one browser API jsdom cannot run; everything else here is real.
    const open = vi.spyOn(window, "open").mockImplementation(() => {
      postsWhenOpened.push(purchasePosts().length);
      return popup as unknown as Window;
    });
    return { popup, open, postsWhenOpened };
  }

  it("opens the window inside the click, then points it at the payment page and watches the purchase", async () => {
    const { popup, open, postsWhenOpened } = fakeWindowOpen();
    const { navigations } = renderWithBff(<TopUpWidget checkout="new-window" />, { bff });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy 1,000 credits/ }));
    expect(open).toHaveBeenCalledWith("", "_blank");
    expect(postsWhenOpened).toEqual([0]); // synchronously, before the BFF was even asked
    expect(popup.opener).toBeNull();
    await waitFor(() => expect(popup.location.href).toMatch(/\/portal\/pay\/ps_/));
    expect(navigations).toEqual([]); // this page stays

    expect(await screen.findByText(/^Finish paying for 1,000 credits \(\$10\.00\) in the new window\./)).toBeVisible();
    const balanceBefore = screen.getByText(/credits$/, { selector: ".ck-balance-value" }).textContent;
    await bff.pay(popup.location.href, "complete");
    expect(await screen.findByText("1,000 credits added to your balance.")).toBeVisible();
    await waitFor(() =>
      expect(screen.getByText(/credits$/, { selector: ".ck-balance-value" }).textContent).not.toBe(balanceBefore),
    );
  });

  it("closes the blank window when the purchase cannot be created", async () => {
    const { popup } = fakeWindowOpen();
    renderWithBff(<BuyButton selection={{ packId: "starter" }} checkout="new-window" />, { bff });
    const button = await screen.findByRole("button", { name: /^Buy/ });
    bff.signInAs(null);
    await userEvent.click(button);
    await waitFor(() => expect(popup.close).toHaveBeenCalled());
  });

  it("falls back to this tab when a popup blocker refuses the window", async () => {
    vi.spyOn(window, "open").mockReturnValue(null);
    const { navigations } = renderWithBff(<BuyButton selection={{ packId: "starter" }} checkout="new-window" />, {
      bff,
    });
    await userEvent.click(await screen.findByRole("button", { name: /^Buy/ }));
    await waitFor(() => expect(navigations).toHaveLength(1));
  });
});
