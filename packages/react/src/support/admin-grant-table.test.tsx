import { render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { SupportConsole } from "./support-console.tsx";

/** The grant table's void and refund actions, against the real handler and emulator. */

const bff = await bffForFile({}, { resetEach: false });
beforeEach(() => bff.reset({ entitlementCacheMs: 0, authorizeAdmin: () => ({ actorId: "agent-1" }) }));

async function paidPurchase() {
  const created = await (
    await bff.fetch("/api/topup/purchases", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "table-buy-01" },
      body: JSON.stringify({ packId: "starter" }),
    })
  ).json();
  await bff.pay(created.paymentUrl, "complete");
}

async function findAlice(user: ReturnType<typeof userEvent.setup>) {
  render(<SupportConsole fetch={bff.fetch} timeZone="UTC" />);
  await user.type(screen.getByRole("searchbox", { name: "Find a customer" }), "acme-alice");
  await user.click(screen.getByRole("button", { name: "Find" }));
  await screen.findByRole("heading", { name: "Alice Martin" });
}

describe("AdminGrantTable", () => {
  it("offers Void only on live grants and Refund only on purchases, each naming what it acts on", async () => {
    await paidPurchase();
    const user = userEvent.setup();
    await findAlice(user);
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    for (const row of rows) {
      const voided = row.textContent?.includes("Voided");
      expect(within(row).queryByRole("button", { name: /^Void grant of/ }) === null).toBe(Boolean(voided));
      const purchase = row.textContent?.includes("Purchase");
      expect(within(row).queryByRole("button", { name: /^Refund purchase of/ }) === null).toBe(!purchase);
    }
    expect(screen.getAllByRole("button", { name: "Refund purchase of 1,000 credits" })).toHaveLength(1);
  });

  it("reports a refund whose refund step failed, keeps the confirm open, and retries it without a second void", async () => {
    await paidPurchase();
    const user = userEvent.setup();
    await findAlice(user);
    await bff.emulator.fault({ method: "POST", path: "/v2/invoices/*/refunds", status: 500, times: 1 });
    await user.click(screen.getByRole("button", { name: "Refund purchase of 1,000 credits" }));
    const confirm = screen.getByRole("region", { name: "Confirm" });
    await user.type(within(confirm).getByRole("textbox", { name: "Reason" }), "Customer asked");
    await user.click(within(confirm).getByRole("button", { name: "Confirm refund" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent(
      "The credits were taken back, but the payment was not refunded.",
    );
    await user.click(
      within(screen.getByRole("region", { name: "Confirm" })).getByRole("button", { name: "Confirm refund" }),
    );
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Refunded $10.00; 1,000 credits taken back."),
    );
    const voids = (await bff.upstream()).filter((r) => r.method === "DELETE");
    expect(voids).toHaveLength(1);
    expect(await bff.emulator.refunds()).toHaveLength(1);
  });
});
