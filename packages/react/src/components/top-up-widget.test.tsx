import { screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { de } from "../locales/de.ts";
import { bffForFile, CATALOG, liveBalance } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { TopUpWidget } from "./top-up-widget.tsx";

const bff = await bffForFile();

describe("TopUpWidget", () => {
  it("shows skeletons, then balance, packs and history from the BFF", async () => {
    renderWithBff(<TopUpWidget />, { bff });
    expect(screen.getAllByRole("status", { name: "Loading…" }).length).toBe(3);
    expect(screen.getByRole("heading", { level: 2, name: "Credits" })).toBeVisible();
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
    const balance = (await liveBalance(bff)).toLocaleString("en-US");
    expect(await screen.findByText(`${balance} credits`)).toBeVisible();
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(11); // header + a page of 10
    expect(screen.getByRole("navigation", { name: "Credit history" })).toBeVisible();
  });

  it("formats money, numbers and dates for de-DE with the catalog's EUR, and speaks German", async () => {
    await bff.reset({ catalog: { ...CATALOG, currency: "EUR" } });
    renderWithBff(<TopUpWidget />, { bff, locale: "de-DE", messages: de });
    const picker = await screen.findByRole("group", { name: "Credit-Paket wählen" });
    expect(
      within(picker)
        .getByRole("radio", { name: /Growth/ })
        .closest("label"),
    ).toHaveTextContent("Growth5.000 Credits45,00 €Save 10%");
    // Intl puts a no-break space before the euro sign; accessible names keep it.
    expect(screen.getByRole("button", { name: "1.000 Credits für 10,00\u00a0€ kaufen" })).toBeVisible();
    const balance = new Intl.NumberFormat("de-DE").format(await liveBalance(bff));
    expect(await screen.findByText(`${balance} Credits`)).toBeVisible();
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("columnheader")[4]).toHaveTextContent("Läuft ab");
    const started = within(table).getAllByRole("row")[1]?.querySelectorAll("td")[3]?.textContent;
    expect(started).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    await userEvent.click(within(picker).getByRole("radio", { name: "Eigener Betrag" }));
    const input = screen.getByRole("textbox", { name: "Anzahl Credits" });
    await userEvent.clear(input);
    await userEvent.type(input, "12300");
    expect(screen.getByText("Gesamt: 123,00 €")).toBeVisible();
  });

  it("lets any visible string be overridden", async () => {
    renderWithBff(<TopUpWidget />, {
      bff,
      messages: { widgetTitle: "Your API credits", buy: "Get {credits} ({price})" },
    });
    expect(screen.getByRole("heading", { name: "Your API credits" })).toBeVisible();
    expect(await screen.findByRole("button", { name: "Get 1,000 credits ($10.00)" })).toBeVisible();
  });

  it("shows a low-balance notice with a one-click top-up of the chosen pack", async () => {
    const balance = await liveBalance(bff);
    const { navigations } = renderWithBff(<TopUpWidget lowBalanceThreshold={balance + 1} />, { bff });
    const notice = (await screen.findByText("Your balance is running low.")).parentElement as HTMLElement;
    await userEvent.click(screen.getByRole("radio", { name: /Growth/ }));
    await userEvent.click(within(notice).getByRole("button", { name: "Top up 5,000 credits for $45.00" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(await bff.sent.find((r) => r.method === "POST")?.json()).toEqual({ packId: "growth" });
  });

  it("hides the low-balance notice above the threshold", async () => {
    const balance = await liveBalance(bff);
    renderWithBff(<TopUpWidget lowBalanceThreshold={balance} />, { bff });
    await screen.findByText(/credits$/, { selector: ".ck-balance-value" });
    expect(screen.queryByText("Your balance is running low.")).toBeNull();
  });

  it("has one ck-root carrying the theme override, and none when unstyled", async () => {
    const { container, unmount } = renderWithBff(<TopUpWidget />, { bff, theme: "dark" });
    await screen.findByRole("table");
    expect(container.querySelectorAll(".ck-root")).toHaveLength(1);
    expect(container.querySelector(".ck-root")).toHaveClass("ck-widget");
    expect(container.querySelector(".ck-root")).toHaveAttribute("data-ck-theme", "dark");
    for (const el of container.querySelectorAll("[class]")) {
      for (const name of el.classList) expect(name).toMatch(/^ck-/);
    }
    unmount();

    const unstyled = renderWithBff(<TopUpWidget className="merchant-card" />, { bff, unstyled: true });
    await screen.findByRole("table");
    expect(unstyled.container.querySelector(".ck-root")).toBeNull();
    expect(unstyled.container.querySelector(".ck-widget")).toHaveClass("merchant-card");
  });
});
