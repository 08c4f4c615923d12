import { render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { SupportConsole } from "./support-console.tsx";

/** The grant form's confirm step and its attempt key, against the real handler and emulator. */

const bff = await bffForFile({}, { resetEach: false });
beforeEach(() => bff.reset({ entitlementCacheMs: 0, authorizeAdmin: () => ({ actorId: "agent-1" }) }));

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  render(<SupportConsole fetch={bff.fetch} timeZone="UTC" />);
  await user.type(screen.getByRole("searchbox", { name: "Find a customer" }), "acme-bob");
  await user.click(screen.getByRole("button", { name: "Find" }));
  await screen.findByRole("heading", { name: "Bob Okafor" });
  return screen.getByRole("region", { name: "Give credits" });
}

const grantCalls = async () => (await bff.upstream()).filter((r) => r.method === "POST" && /\/grants$/.test(r.path));

describe("GrantForm", () => {
  it("spells out a scheduled, expiring adjustment: when it starts, when it ends, when the balance moves", async () => {
    const user = userEvent.setup();
    const form = await openForm(user);
    await user.click(within(form).getByRole("radio", { name: "Adjustment (a correction)" }));
    await user.type(within(form).getByRole("textbox", { name: "Credits" }), "1200");
    await user.type(within(form).getByLabelText("Starts (optional)"), "2099-01-01");
    await user.type(within(form).getByLabelText("Expires (optional)"), "2099-02-01");
    await user.type(within(form).getByRole("textbox", { name: "Reason" }), "Billing correction");
    await user.click(within(form).getByRole("button", { name: "Review" }));
    expect(screen.getByRole("region", { name: "Confirm" })).toHaveTextContent(
      "Give Bob Okafor 1,200 credits as Adjustment, available from Jan 1, 2099, expiring on Feb 1, 2099. The balance rises by 1,200 credits on Jan 1, 2099.",
    );
    await user.click(screen.getByRole("button", { name: "Confirm grant" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Gave 1,200 credits (Adjustment)."));
    const [sent] = await grantCalls();
    expect(sent?.body).toMatchObject({
      amount: 1200,
      effectiveAt: "2099-01-01T00:00:00.000Z",
      expiresAt: "2099-02-01T00:00:00.000Z",
    });
  });

  it("keeps one attempt key across a failed confirm and its retry: one grant", async () => {
    const user = userEvent.setup();
    const form = await openForm(user);
    await user.type(within(form).getByRole("textbox", { name: "Credits" }), "300");
    await user.type(within(form).getByRole("textbox", { name: "Reason" }), "Goodwill");
    await user.click(within(form).getByRole("button", { name: "Review" }));
    // Paygentic creates the grant but the answer is lost: the first confirm fails.
    await bff.emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants", body: "malformed", times: 1 });
    await user.click(screen.getByRole("button", { name: "Confirm grant" }));
    const confirm = screen.getByRole("region", { name: "Confirm" });
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("Something went wrong. Please try again.");
    await user.click(within(confirm).getByRole("button", { name: "Confirm grant" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Gave 300 credits (Promotional)."));
    const calls = await grantCalls();
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey)).size).toBe(1);
    // One grant: the retry reached the same Paygentic grant.
    const promotional = () =>
      within(screen.getByRole("table"))
        .getAllByRole("row")
        .filter((row) => row.textContent?.includes("Promotional"));
    await waitFor(() => expect(promotional()).toHaveLength(1));
  });
});
