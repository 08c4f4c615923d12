import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PackPicker } from "../components/pack-picker.tsx";
import { bffForFile } from "../test/bff-harness.ts";
import { renderHookWithBff, renderWithBff } from "../test/render.tsx";
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

  it("asks for the catalog in the provider's locale and shows the packs' texts in it", async () => {
    await bff.reset({
      catalog: {
        currency: "EUR",
        packs: [
          {
            id: "starter",
            credits: 1000,
            price: "10.00",
            label: { en: "Starter", de: "Einstieg" },
            badge: { en: "Popular", de: "Beliebt" },
            description: { en: "To try things out", de: "Zum Ausprobieren" },
          },
        ],
      },
    });
    renderWithBff(<PackPicker />, { bff, locale: "de-DE" });
    expect(await screen.findByRole("radio", { name: /^Einstieg/ })).toBeInTheDocument();
    expect(screen.getByText("Beliebt")).toBeInTheDocument();
    expect(screen.getByText("Zum Ausprobieren")).toBeInTheDocument();
    expect(bff.sent.map((r) => new URL(r.url).search)).toEqual(["?locale=de-DE"]);
  });

  it("keeps one cache entry per locale", async () => {
    const { result, queryClient } = renderHookWithBff(() => useCatalog(), { bff, locale: "de-DE" });
    await waitFor(() => expect(result.current.data).toBeDefined());
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(keys).toEqual([["creditkit", "/api/topup", "catalog", "de-DE"]]);
  });
});
