import type { PurchaseCreatedBody } from "@creditkit/contract";
import { act, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_POLLING } from "../core/polling.ts";
import { creditKitKeys } from "../core/query-keys.ts";
import { BASE_PATH, bffForFile } from "../test/bff-harness.ts";
import { fakeClock, passPollingBudget } from "../test/fake-clock.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { usePurchaseStatus } from "./use-purchase-status.ts";

const bff = await bffForFile();
afterEach(() => vi.useRealTimers());

async function createPurchase(): Promise<PurchaseCreatedBody> {
  const res = await bff.fetch(`${BASE_PATH}/purchases`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `test_${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify({ packId: "starter" }),
  });
  return res.json();
}

const checks = (purchaseId: string) => bff.sent.filter((r) => r.url.endsWith(`/purchases/${purchaseId}`)).length;

describe("usePurchaseStatus", () => {
  it("watches a purchase until it is paid, then marks balance and history for refreshing", async () => {
    const purchase = await createPurchase();
    const { result, queryClient } = renderHookWithBff(() => usePurchaseStatus(purchase.purchaseId), { bff });
    const grantsPage = creditKitKeys.grants(BASE_PATH, { limit: 10, offset: 0, includeVoided: false });
    queryClient.setQueryData(creditKitKeys.balance(BASE_PATH), { balance: 0 });
    queryClient.setQueryData(grantsPage, { grants: [] });
    await waitFor(() => expect(result.current.purchase?.status).toBe("pending"));
    expect(result.current.isFinal).toBe(false);

    await bff.pay(purchase.paymentUrl, "complete");
    await waitFor(() => expect(result.current.purchase?.status).toBe("paid"));
    expect(result.current.isFinal).toBe(true);
    await waitFor(() => expect(queryClient.getQueryState(creditKitKeys.balance(BASE_PATH))?.isInvalidated).toBe(true));
    expect(queryClient.getQueryState(grantsPage)?.isInvalidated).toBe(true);
  });

  it("gives up after its budget, and checkNow starts a new one", async () => {
    const purchase = await createPurchase();
    fakeClock();
    const { result } = renderHookWithBff(() => usePurchaseStatus(purchase.purchaseId), {
      bff,
      polling: DEFAULT_POLLING,
    });
    await waitFor(() => expect(result.current.purchase?.status).toBe("pending"));
    expect(result.current.timedOut).toBe(false);

    await passPollingBudget();
    await waitFor(() => expect(result.current.timedOut).toBe(true));
    const before = checks(purchase.purchaseId);
    await vi.advanceTimersByTimeAsync(DEFAULT_POLLING.maxDelayMs * 2);
    expect(checks(purchase.purchaseId)).toBe(before); // stopped: nothing polls any more

    await bff.pay(purchase.paymentUrl, "complete");
    act(() => result.current.checkNow());
    expect(result.current.timedOut).toBe(false);
    await waitFor(() => expect(result.current.purchase?.status).toBe("paid"));
  });

  it("stops at an error asking again cannot fix", async () => {
    const purchase = await createPurchase();
    bff.signInAs("acme-bob");
    fakeClock();
    const { result } = renderHookWithBff(() => usePurchaseStatus(purchase.purchaseId), { bff });
    await waitFor(() => expect(result.current.isStopped).toBe(true));
    expect(result.current.error?.code).toBe("not_found");
    expect(result.current.timedOut).toBe(false);
    const after = checks(purchase.purchaseId);
    await vi.advanceTimersByTimeAsync(DEFAULT_POLLING.timeoutMs);
    expect(checks(purchase.purchaseId)).toBe(after);
  });

  it("takes React Query's select for data, while the watch still reads the purchase", async () => {
    const purchase = await createPurchase();
    const { result } = renderHookWithBff(
      () => usePurchaseStatus(purchase.purchaseId, { select: (p) => `${p.credits} credits, ${p.status}` }),
      { bff },
    );
    await waitFor(() => expect(result.current.data).toBe("1000 credits, pending"));
    expect(result.current.purchase?.purchaseId).toBe(purchase.purchaseId);
  });

  it("asks nothing without a purchase", async () => {
    const { result } = renderHookWithBff(() => usePurchaseStatus(null), { bff });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.purchase).toBeUndefined();
    expect(result.current.timedOut).toBe(false);
    expect(bff.sent).toHaveLength(0);
  });
});
