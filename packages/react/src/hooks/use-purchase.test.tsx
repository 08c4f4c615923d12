import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { bffForFile, invoicesCreated } from "../test/bff-harness.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { usePurchase } from "./use-purchase.ts";

const bff = await bffForFile();

describe("usePurchase", () => {
  it("starts a purchase and goes to the payment page", async () => {
    const { result, navigations } = renderHookWithBff(() => usePurchase(), { bff });
    await act(() => result.current.start({ packId: "scale" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(result.current.status).toBe("redirecting");
  });

  it("turns two starts in the same tick into one request", async () => {
    const { result, navigations } = renderHookWithBff(() => usePurchase(), { bff });
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
});
