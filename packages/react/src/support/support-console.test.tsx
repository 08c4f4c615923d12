import { render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { bffForFile } from "../test/bff-harness.ts";
import { supportDe } from "./messages.ts";
import { SupportConsole, type SupportConsoleProps } from "./support-console.tsx";

/**
 * The support console against the real handler (admin routes on) and a real emulator: what support
 * staff see and do, by role and name, the way a keyboard or screen-reader user reaches it.
 */

const bff = await bffForFile({}, { resetEach: false });
let allowed = true;
beforeEach(async () => {
  allowed = true;
  await bff.reset({ entitlementCacheMs: 0, authorizeAdmin: () => (allowed ? { actorId: "agent-1" } : null) });
});

function renderConsole(props: Partial<SupportConsoleProps> = {}) {
  return render(<SupportConsole fetch={bff.fetch} timeZone="UTC" {...props} />);
}

async function findAlice(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole("searchbox", { name: "Find a customer" }), "acme-alice");
  await user.click(screen.getByRole("button", { name: "Find" }));
  await screen.findByRole("heading", { name: "Alice Martin" });
}

const balanceShown = () => screen.getByText("Balance").parentElement!.textContent;
const upstream = async (method: string, pattern: RegExp) =>
  (await bff.upstream()).filter((r) => r.method === method && pattern.test(r.path));

describe("SupportConsole", () => {
  it("finds a customer by the merchant's id: name, ids, balance and every grant with its source", async () => {
    const user = userEvent.setup();
    renderConsole();
    await findAlice(user);
    expect(screen.getByText("Your ID: acme-alice · Paygentic: cus_demoalice")).toBeInTheDocument();
    expect(balanceShown()).toMatch(/Balance\s+[\d,]+ credits/);
    const table = screen.getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Status", "Source", "Amount", "Starts", "Expires", "Actions"]);
    expect(within(table).getAllByRole("row")).toHaveLength(11);
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
  });

  it("gives 500 promotional credits after a confirm step showing the exact effect, once however often it is clicked", async () => {
    const user = userEvent.setup();
    renderConsole();
    await findAlice(user);
    const before = Number(balanceShown()!.replace(/\D/g, ""));
    const form = screen.getByRole("region", { name: "Give credits" });
    await user.type(within(form).getByRole("textbox", { name: "Credits" }), "500");
    await user.type(within(form).getByRole("textbox", { name: "Reason" }), "Sorry for the outage");
    await user.click(within(form).getByRole("button", { name: "Review" }));

    const confirm = screen.getByRole("region", { name: "Confirm" });
    expect(confirm).toHaveTextContent(
      `Give Alice Martin 500 credits as Promotional, available at once, never expiring. Balance: ${before.toLocaleString("en-US")} → ${(before + 500).toLocaleString("en-US")}.`,
    );
    expect(within(confirm).getByRole("heading", { name: "Confirm" })).toHaveFocus();
    await user.dblClick(within(confirm).getByRole("button", { name: "Confirm grant" }));

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Gave 500 credits (Promotional)."));
    await waitFor(() => expect(Number(balanceShown()!.replace(/\D/g, ""))).toBe(before + 500));
    const newest = within(screen.getByRole("table")).getAllByRole("row")[1]!;
    expect(
      within(newest)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(expect.arrayContaining(["Active", "Promotional", "500"]));
    expect(await upstream("POST", /\/grants$/)).toHaveLength(1);
  });

  it("does not offer Review until the amount and the reason are valid", async () => {
    const user = userEvent.setup();
    renderConsole({ maxGrantCredits: 1000 });
    await findAlice(user);
    const form = screen.getByRole("region", { name: "Give credits" });
    const review = within(form).getByRole("button", { name: "Review" });
    await user.type(within(form).getByRole("textbox", { name: "Credits" }), "1001");
    await user.type(within(form).getByRole("textbox", { name: "Reason" }), "Goodwill");
    expect(review).toBeDisabled();
    expect(within(form).getByRole("textbox", { name: "Credits" })).toHaveAttribute("aria-invalid", "true");
    await user.clear(within(form).getByRole("textbox", { name: "Credits" }));
    await user.type(within(form).getByRole("textbox", { name: "Credits" }), "1000");
    expect(review).toBeEnabled();
  });

  it("voids a grant after a confirm step that asks for the reason; Escape cancels it", async () => {
    const user = userEvent.setup();
    renderConsole();
    await findAlice(user);
    const [voidButton] = screen.getAllByRole("button", { name: /^Void grant of/ });
    await user.click(voidButton!);
    expect(screen.getByRole("region", { name: "Confirm" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Confirm" })).not.toBeInTheDocument();

    await user.click(screen.getAllByRole("button", { name: /^Void grant of/ })[0]!);
    const confirm = screen.getByRole("region", { name: "Confirm" });
    expect(confirm).toHaveTextContent(
      /Void this grant of [\d,]+ credits \(\w+\): whatever is left of it is taken from Alice Martin's balance\./,
    );
    const button = within(confirm).getByRole("button", { name: "Confirm void" });
    expect(button).toBeDisabled();
    await user.type(within(confirm).getByRole("textbox", { name: "Reason" }), "Granted by mistake");
    await user.click(button);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^Voided the grant of [\d,]+ credits\.$/));
    expect(await upstream("DELETE", /\/grants\//)).toHaveLength(1);
  });

  it("refunds a purchase: credits taken back, then the payment refunded", async () => {
    const user = userEvent.setup();
    const created = await (
      await bff.fetch("/api/topup/purchases", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "console-buy-01" },
        body: JSON.stringify({ packId: "starter" }),
      })
    ).json();
    await bff.pay(created.paymentUrl, "complete");
    renderConsole();
    await findAlice(user);
    await user.click(screen.getByRole("button", { name: "Refund purchase of 1,000 credits" }));
    const confirm = screen.getByRole("region", { name: "Confirm" });
    expect(confirm).toHaveTextContent(
      "Refund this purchase: its 1,000 credits are taken back from Alice Martin's balance first, then the payment is refunded in full.",
    );
    await user.type(within(confirm).getByRole("textbox", { name: "Reason" }), "Customer asked");
    await user.click(within(confirm).getByRole("button", { name: "Confirm refund" }));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Refunded $10.00; 1,000 credits taken back."),
    );
    expect(await bff.emulator.refunds()).toHaveLength(1);
  });

  it("says so when the merchant's authorizeAdmin refuses", async () => {
    allowed = false;
    const user = userEvent.setup();
    renderConsole();
    await user.type(screen.getByRole("searchbox", { name: "Find a customer" }), "acme-alice");
    await user.click(screen.getByRole("button", { name: "Find" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You are not allowed to use the support console.");
  });

  it("says so when no customer matches", async () => {
    const user = userEvent.setup();
    renderConsole();
    await user.type(screen.getByRole("searchbox", { name: "Find a customer" }), "nobody");
    await user.click(screen.getByRole("button", { name: "Find" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("No customer, grant or purchase matches.");
  });

  it("speaks German with supportDe, and takes a Paygentic customer id too", async () => {
    const user = userEvent.setup();
    renderConsole({ messages: supportDe, locale: "de-DE" });
    expect(screen.getByRole("heading", { name: "Support-Konsole" })).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Kunden finden" }), "cus_demoalice");
    await user.click(screen.getByRole("button", { name: "Suchen" }));
    await screen.findByRole("heading", { name: "Alice Martin" });
    expect(screen.getByRole("region", { name: "Credits gutschreiben" })).toBeInTheDocument();
    expect(within(screen.getByRole("table")).getAllByRole("columnheader")[5]).toHaveTextContent("Aktionen");
  });

  it("carries the ck- classes and the theme it is given", () => {
    const { container } = renderConsole({ theme: "dark" });
    expect(container.firstElementChild).toHaveClass("ck-root", "ck-console");
    expect(container.firstElementChild).toHaveAttribute("data-ck-theme", "dark");
    const unstyled = renderConsole({ unstyled: true });
    expect(unstyled.container.firstElementChild).not.toHaveClass("ck-root");
  });
});
