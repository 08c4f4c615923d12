import type { PurchaseCreatedBody } from "@creditkit/contract";
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BASE_PATH, bffForFile } from "../test/bff-harness.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { usePurchaseReturn } from "./use-purchase-return.ts";

const bff = await bffForFile();

async function createPurchase(): Promise<PurchaseCreatedBody> {
  const res = await bff.fetch(`${BASE_PATH}/purchases`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `test_${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify({ packId: "growth" }),
  });
  return res.json();
}

describe("usePurchaseReturn", () => {
  it("watches nothing on a page without return parameters", async () => {
    const { result } = renderHookWithBff(() => usePurchaseReturn(), { bff });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.purchaseId).toBeNull();
    expect(result.current.purchase).toBeUndefined();
    expect(bff.sent.some((r) => r.url.includes("/purchases/"))).toBe(false);
  });

  it("watches the purchase in the return URL until it is final, then takes its parameters out", async () => {
    const purchase = await createPurchase();
    const redirect = new URL((await bff.pay(purchase.paymentUrl, "complete")) as string);
    window.history.replaceState(null, "", `/?tab=billing&${redirect.search.slice(1)}#plans`);
    const { result } = renderHookWithBff(() => usePurchaseReturn(), { bff });
    await waitFor(() => expect(result.current.purchase?.status).toBe("paid"));
    expect(result.current.result).toBe("success");
    await waitFor(() =>
      expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe("/?tab=billing#plans"),
    );
  });
});
