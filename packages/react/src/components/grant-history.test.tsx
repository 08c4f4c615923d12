import { screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bff, bffForFile, EMPTY_SEED, startBff } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { GrantHistory } from "./grant-history.tsx";

const bff = await bffForFile({ now: "2026-03-15T12:00:00.000Z" });

const rows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);

describe("GrantHistory", () => {
  it("lists grants with status, source, amount and dates", async () => {
    renderWithBff(<GrantHistory pageSize={5} />, { bff });
    await screen.findByRole("table");
    expect(
      within(screen.getByRole("table"))
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Status", "Source", "Amount", "Starts", "Expires"]);
    expect(rows()).toHaveLength(5);
    const cells = rows().map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
    for (const [status, source, amount, starts, expires] of cells) {
      expect(["Active", "Scheduled", "Expired"]).toContain(status);
      expect(["Purchase", "Plan", "Other"]).toContain(source);
      expect(amount).toMatch(/^[\d,]+$/);
      expect(starts).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      expect(expires).toMatch(/^([A-Z][a-z]{2} \d{1,2}, \d{4}|Never)$/);
    }
    // Every cell carries its column name for the stacked layout on narrow screens.
    expect(within(rows()[0] as HTMLElement).getAllByRole("cell")[2]).toHaveAttribute("data-label", "Amount");
  });

  it("pages through the history", async () => {
    const user = userEvent.setup();
    renderWithBff(<GrantHistory pageSize={10} />, { bff });
    await screen.findByRole("table");
    const pages = screen.getByText(/^Page 1 of \d+$/).textContent as string;
    const count = Number(pages.split(" of ")[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled();
    const first = rows().map((r) => r.textContent);

    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByText(`Page 2 of ${count}`);
    await waitFor(() => expect(rows().map((r) => r.textContent)).not.toEqual(first));
    const offsets = bff.sent.filter((r) => r.url.includes("/grants")).map((r) => new URL(r.url).search);
    expect(offsets).toEqual(["?limit=10&offset=0&includeVoided=false", "?limit=10&offset=10&includeVoided=false"]);

    for (let page = 3; page <= count; page += 1) {
      await user.click(screen.getByRole("button", { name: "Next" }));
      await screen.findByText(`Page ${page} of ${count}`);
    }
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Previous" }));
    await screen.findByText(`Page ${count - 1} of ${count}`);
  });

  it("shows voided grants only when asked, back on the first page", async () => {
    const user = userEvent.setup();
    renderWithBff(<GrantHistory pageSize={100} />, { bff });
    await screen.findByRole("table");
    expect(screen.queryByText("Voided")).toBeNull();
    const toggle = screen.getByRole("switch", { name: "Show voided" });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect((await screen.findAllByText("Voided", { selector: ".ck-tag" })).length).toBeGreaterThan(0);
    expect(bff.sent.at(-1)?.url).toContain("includeVoided=true");
  });

  it("regression: switching voided off again returns to the first page, not the page it left", async () => {
    const user = userEvent.setup();
    renderWithBff(<GrantHistory pageSize={5} />, { bff });
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByText(/^Page 2 of/);
    const toggle = screen.getByRole("switch", { name: "Show voided" });
    await user.click(toggle);
    await screen.findByText(/^Page 1 of/);
    await user.click(toggle);
    await screen.findByText(/^Page 1 of/);
    expect(bff.sent.at(-1)?.url).toContain("offset=0");
  });

  it("shows an error in words with Retry, then the grants", async () => {
    await bff.control("POST", "/__emulator/faults", { method: "GET", path: "/v1/entitlements/*/grants", status: 503 });
    renderWithBff(<GrantHistory />, { bff });
    expect(await screen.findByRole("alert")).toHaveTextContent("Payment service unavailable. Please try again.");
    await bff.control("DELETE", "/__emulator/faults");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("table")).toBeInTheDocument();
  });
});

describe("GrantHistory for a customer without grants", () => {
  let empty: Bff;
  beforeAll(async () => {
    empty = await startBff({ seed: EMPTY_SEED });
  });
  afterAll(() => empty.close());

  it("says there is nothing yet", async () => {
    renderWithBff(<GrantHistory />, { bff: empty });
    expect(await screen.findByText("No credits yet.")).toBeVisible();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});
