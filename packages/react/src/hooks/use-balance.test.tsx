import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { bffForFile, liveBalance } from "../test/bff-harness.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { useBalance } from "./use-balance.ts";

const bff = await bffForFile();

describe("useBalance", () => {
  it("reads the customer's live balance", async () => {
    const { result } = renderHookWithBff(() => useBalance(), { bff });
    await waitFor(() => expect(result.current.data?.balance).toEqual(expect.any(Number)));
    expect(result.current.data?.balance).toBe(await liveBalance(bff));
  });

  it("takes React Query's select and staleTime", async () => {
    const { result, queryClient } = renderHookWithBff(
      () => useBalance({ select: (balance) => balance.hasAccess, staleTime: 0 }),
      { bff },
    );
    await waitFor(() => expect(result.current.data).toBe(true));
    expect(
      queryClient
        .getQueryCache()
        .find({ queryKey: ["creditkit", "/api/topup", "balance"] })
        ?.isStale(),
    ).toBe(true);
  });

  it("needs the provider", () => {
    expect(() => renderHook(() => useBalance())).toThrow("Wrap CreditKit hooks and components in <CreditKitProvider>.");
  });
});
