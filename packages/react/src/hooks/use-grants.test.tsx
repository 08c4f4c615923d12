import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { useGrants } from "./use-grants.ts";

const bff = await bffForFile();

describe("useGrants", () => {
  it("reads a page of grants and moves to the next", async () => {
    const { result } = renderHookWithBff(() => useGrants({ pageSize: 3 }), { bff });
    await waitFor(() => expect(result.current.grants).toHaveLength(3));
    expect(result.current.page).toBe(0);
    expect(result.current.pageCount).toBeGreaterThan(1);
    const first = result.current.grants.map((g) => g.id);
    act(() => result.current.setPage(result.current.page + 1));
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.page).toBe(1);
    expect(result.current.grants.map((g) => g.id)).not.toEqual(first);
  });

  it("takes React Query's select for data, while grants and pages still come from the page", async () => {
    const { result } = renderHookWithBff(
      () => useGrants({ pageSize: 3, select: (page) => page.grants.map((g) => g.amount) }),
      { bff },
    );
    await waitFor(() => expect(result.current.data).toHaveLength(3));
    expect(result.current.data).toEqual(result.current.grants.map((g) => g.amount));
    expect(result.current.pageCount).toBeGreaterThan(1);
  });
});
