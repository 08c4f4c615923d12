import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { PackChoice } from "../core/selection.ts";
import { bffForFile } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { PackPicker } from "./pack-picker.tsx";
import { TopUpWidget } from "./top-up-widget.tsx";

const bff = await bffForFile();

function ControlledPicker({ onChange }: { onChange: (choice: PackChoice) => void }) {
  const [choice, setChoice] = useState<PackChoice>({ kind: "pack", packId: "growth" });
  return (
    <PackPicker
      value={choice}
      onChange={(next) => {
        onChange(next);
        setChoice(next);
      }}
    />
  );
}

const total = () => document.querySelector(".ck-total")?.textContent;

describe("PackPicker", () => {
  it("is one radio group operable with the keyboard: Tab in, arrows move and select, Tab out", async () => {
    const user = userEvent.setup();
    renderWithBff(<TopUpWidget />, { bff });
    const starter = await screen.findByRole("radio", { name: /Starter/ });
    expect(starter).toBeChecked();
    expect(total()).toBe("Total: $10.00");

    await user.click(document.body);
    await user.tab(); // into the group (the checked radio)
    expect(starter).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("radio", { name: /Growth/ })).toHaveFocus();
    expect(screen.getByRole("radio", { name: /Growth/ })).toBeChecked();
    expect(total()).toBe("Total: $45.00");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("radio", { name: "Custom amount" })).toBeChecked();
    await user.keyboard("{ArrowUp}");
    expect(screen.getByRole("radio", { name: /Scale/ })).toBeChecked();
    expect(screen.getByRole("button", { name: "Buy 20,000 credits for $160.00" })).toBeInTheDocument();

    await user.tab(); // out of the group, to Buy
    expect(screen.getByRole("button", { name: "Buy 20,000 credits for $160.00" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bff.sent.some((r) => r.method === "POST")).toBe(true));
    expect(await bff.sent.find((r) => r.method === "POST")?.json()).toEqual({ packId: "scale" });
  });

  it("starts a new attempt when the customer picks another pack, even if they come back to the first", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithBff(<TopUpWidget />, { bff });
    await user.click(await screen.findByRole("button", { name: /^Buy 1,000 credits/ }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    await user.click(screen.getByRole("radio", { name: /Growth/ }));
    await user.click(screen.getByRole("radio", { name: /Starter/ }));
    await user.click(screen.getByRole("button", { name: /^Buy 1,000 credits/ }));
    await waitFor(() => expect(navigations).toHaveLength(2));
    const [first, second] = bff.sent.filter((r) => r.method === "POST").map((r) => r.headers.get("idempotency-key"));
    expect(second).not.toBe(first);
    expect(navigations[1]).not.toBe(navigations[0]);
  });

  it("prices a custom amount live and exactly, and explains the rules when it breaks them", async () => {
    const user = userEvent.setup();
    renderWithBff(<TopUpWidget />, { bff });
    await user.click(await screen.findByRole("radio", { name: "Custom amount" }));
    const input = screen.getByRole("textbox", { name: "Number of credits" });
    expect(input).toHaveValue("500");
    expect(total()).toBe("Total: $5.00");

    await user.clear(input);
    await user.type(input, "2300");
    expect(total()).toBe("Total: $23.00");
    expect(input).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByRole("button", { name: "Buy 2,300 credits for $23.00" })).toBeInTheDocument();

    await user.type(input, "5"); // 23005: not a multiple of 100
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Between 500 and 100,000, in steps of 100.");
    expect(total()).toBe("");
    expect(screen.getByRole("button", { name: "Choose a pack" })).toHaveAttribute("aria-disabled", "true");

    await user.clear(input);
    await user.type(input, "100");
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses an amount under the minimum price", async () => {
    await bff.reset({
      catalog: {
        currency: "USD",
        packs: [],
        custom: { minCredits: 10, maxCredits: 10_000, step: 10, unitPrice: "0.001" },
      },
    });
    const user = userEvent.setup();
    renderWithBff(<PackPicker />, { bff });
    const input = await screen.findByRole("textbox", { name: "Number of credits" });
    await user.clear(input);
    await user.type(input, "100");
    expect(input).toHaveAccessibleDescription("The minimum purchase is $0.50.");
    await user.type(input, "0");
    expect(total()).toBe("Total: $1.00");
  });

  it("can be controlled", async () => {
    const seen: PackChoice[] = [];
    renderWithBff(<ControlledPicker onChange={(next) => seen.push(next)} />, { bff });
    expect(await screen.findByRole("radio", { name: /Growth/ })).toBeChecked();
    await userEvent.click(screen.getByRole("radio", { name: /Scale/ }));
    expect(seen).toEqual([{ kind: "pack", packId: "scale" }]);
    expect(screen.getByRole("radio", { name: /Scale/ })).toBeChecked();
  });

  it("shows a catalog error in the customer's words", async () => {
    bff.signInAs(null);
    renderWithBff(<PackPicker />, { bff });
    expect(await screen.findByRole("alert")).toHaveTextContent("Please sign in again.");
  });
});
