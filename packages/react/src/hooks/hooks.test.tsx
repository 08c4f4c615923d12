import { act, renderHook, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreditKitProvider } from "../provider.tsx";
import { BASE_PATH, type Bff, invoicesCreated, startBff } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { useBalance } from "./use-balance.ts";
import { useCatalog } from "./use-catalog.ts";
import { useGrants } from "./use-grants.ts";
import { usePurchase } from "./use-purchase.ts";
import { usePurchaseReturn } from "./use-purchase-return.ts";

let bff: Bff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());
beforeEach(() => bff.reset());

/** A merchant's own UI built on the hooks alone. */
function MerchantPanel() {
  const catalog = useCatalog();
  const balance = useBalance();
  const grants = useGrants({ pageSize: 3 });
  const purchase = usePurchase();
  const returned = usePurchaseReturn();
  return (
    <div>
      <p>balance: {balance.data?.balance ?? "…"}</p>
      <p>currency: {catalog.data?.currency ?? "…"}</p>
      <p>
        grants: {grants.grants.map((g) => g.amount).join(",")} (page {grants.page + 1}/{grants.pageCount})
      </p>
      <button type="button" onClick={() => grants.setPage(grants.page + 1)}>
        more
      </button>
      <button type="button" onClick={() => void purchase.start({ packId: "scale" })}>
        buy scale
      </button>
      <p>purchase: {purchase.status}</p>
      <p>returned: {returned.purchase?.status ?? "none"}</p>
    </div>
  );
}

describe("the hooks without our components", () => {
  it("read catalog, balance and grant pages and start a purchase", async () => {
    const { navigations } = renderWithBff(<MerchantPanel />, { bff });
    expect(await screen.findByText("currency: USD")).toBeVisible();
    await screen.findByText(/^balance: \d+$/);
    await screen.findByText(/^grants: [\d,]+ \(page 1\/\d+\)$/);
    await userEvent.click(screen.getByRole("button", { name: "more" }));
    await screen.findByText(/\(page 2\/\d+\)$/);
    await userEvent.click(screen.getByRole("button", { name: "buy scale" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(screen.getByText("purchase: redirecting")).toBeVisible();
    expect(screen.getByText("returned: none")).toBeVisible();
  });

  it("usePurchase: two starts in the same tick are one request", async () => {
    const navigations: string[] = [];
    const wrapper = ({ children }: { children: ReactNode }) => (
      <CreditKitProvider basePath={BASE_PATH} fetch={bff.fetch} navigate={(url) => navigations.push(url)}>
        {children}
      </CreditKitProvider>
    );
    const { result } = renderHook(() => usePurchase(), { wrapper });
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.start({ packId: "starter" });
      second = result.current.start({ packId: "starter" });
    });
    expect(second).toBe(first);
    await act(() => first);
    expect(navigations).toHaveLength(1);
    expect(bff.sent.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(await invoicesCreated(bff)).toBe(1);
  });

  it("need the provider", () => {
    expect(() => renderHook(() => useBalance())).toThrow("Wrap CreditKit hooks and components in <CreditKitProvider>.");
  });
});
