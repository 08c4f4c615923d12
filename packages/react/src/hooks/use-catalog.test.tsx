import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { renderHookWithBff } from "../test/render.tsx";
import { useCatalog } from "./use-catalog.ts";

const bff = await bffForFile();

describe("useCatalog", () => {
  it("reads the merchant's catalog", async () => {
    const { result } = renderHookWithBff(() => useCatalog(), { bff });
    await waitFor(() => expect(result.current.data?.currency).toBe("USD"));
    expect(result.current.data?.packs.map((p) => p.id)).toEqual(["starter", "growth", "scale"]);
  });

  it("takes React Query's select, which shapes data", async () => {
    const { result } = renderHookWithBff(() => useCatalog({ select: (catalog) => catalog.packs.length }), { bff });
    await waitFor(() => expect(result.current.data).toBe(3));
  });

  it("asks the BFF nothing while not enabled", async () => {
    const { result } = renderHookWithBff(() => useCatalog({ enabled: false }), { bff });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.fetchStatus).toBe("idle");
    expect(bff.sent).toHaveLength(0);
  });
});
