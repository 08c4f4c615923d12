import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Bff, startBff } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { TopUpWidget } from "./top-up-widget.tsx";

let bff: Bff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());
beforeEach(() => bff.reset());

describe("TopUpWidget", () => {
  it("shows skeletons, then balance, packs and history from the BFF", async () => {
    renderWithBff(<TopUpWidget />, { bff });
    expect(screen.getAllByRole("status", { name: "Loading…" }).length).toBeGreaterThan(0);
    const picker = await screen.findByRole("group", { name: "Choose a credit pack" });
    expect(
      within(picker)
        .getAllByRole("radio")
        .map((r) => r.closest("label")?.textContent),
    ).toEqual([
      "Starter1,000 credits$10.00",
      "Growth5,000 credits$45.00Save 10%",
      "Scale20,000 credits$160.00Best value",
      "Custom amount",
    ]);
    expect(await screen.findByText(/^[\d,]+ credits$/, { selector: ".ck-balance-value" })).toBeInTheDocument();
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row").length).toBe(11); // header + a page of 10
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
  });
});
