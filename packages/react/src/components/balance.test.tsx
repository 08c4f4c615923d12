import { screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { renderWithBff } from "../test/render.tsx";
import { Balance } from "./balance.tsx";

const bff = await bffForFile();

async function liveBalance(): Promise<number> {
  const res = await bff.fetch("/api/topup/balance");
  return ((await res.json()) as { balance: number }).balance;
}

describe("Balance", () => {
  it("shows a skeleton, then the live balance in the locale", async () => {
    renderWithBff(<Balance />, { bff });
    expect(screen.getByRole("status", { name: "Loading…" })).toBeInTheDocument();
    const expected = (await liveBalance()).toLocaleString("en-US");
    expect(await screen.findByText(`${expected} credits`)).toBeVisible();
    // A group named by its label, so a page object finds the balance by role and name alone.
    expect(screen.getByRole("group", { name: "Available balance" })).toHaveTextContent(`${expected} credits`);
  });

  it("explains an upstream timeout and recovers on Retry", async () => {
    await bff.reset({ paygentic: { apiKey: bff.emu.apiKey, baseUrl: bff.emu.url, timeoutMs: 100, retries: 0 } });
    await bff.control("POST", "/__emulator/faults", {
      method: "GET",
      path: "/v1/entitlements/*",
      delayMs: 300,
      times: 1,
    });
    renderWithBff(<Balance />, { bff });
    // The error is an alert named by its own message (not one more unnamed alert beside a framework's).
    expect(
      await screen.findByRole("alert", { name: "The payment service took too long. Please try again." }),
    ).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText(/credits$/, { selector: ".ck-balance-value" })).toBeVisible();
  });

  it("retries a transient failure by itself when the provider allows it", async () => {
    await bff.control("POST", "/__emulator/faults", {
      method: "GET",
      path: "/v1/entitlements/*",
      status: 503,
      times: 1,
    });
    renderWithBff(<Balance />, { bff, retry: 1 });
    expect(await screen.findByText(/credits$/, { selector: ".ck-balance-value" }, { timeout: 3000 })).toBeVisible();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("does not retry what retrying cannot fix", async () => {
    bff.signInAs(null);
    renderWithBff(<Balance />, { bff, retry: 3 });
    expect(await screen.findByRole("alert")).toHaveTextContent("Please sign in again.");
    expect(bff.sent.filter((r) => r.url.endsWith("/balance"))).toHaveLength(1);
  });
});
