import type { PurchaseCreatedBody } from "@creditkit/contract";
import { waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASE_PATH, bffForFile } from "../test/bff-harness.ts";
import { ELEMENT_NAME, PURCHASE_EVENTS } from "./index.ts";

// The element in jsdom with React as its renderer (the published script swaps in Preact; the
// browser test of examples/plain-html runs that one), against the real handler: attributes reach
// the widget as props, and the widget's purchases come out as DOM events.
const bff = await bffForFile();
const realFetch = globalThis.fetch;
const elements: HTMLElement[] = [];

beforeEach(() => {
  // The element uses the page's fetch, as a real page does: its relative URLs go to the BFF (the
  // test kit's emulator client, with absolute URLs, keeps the real fetch).
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    typeof input === "string" && input.startsWith("/")
      ? bff.fetch(input, init)
      : realFetch(input, init)) as typeof fetch;
});
afterEach(() => {
  for (const element of elements.splice(0)) element.remove();
  globalThis.fetch = realFetch;
});

function mount(attributes: Record<string, string>): { element: HTMLElement; shadow: ReturnType<typeof within> } {
  const element = document.createElement(ELEMENT_NAME);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  elements.push(element);
  // Testing Library queries an element, not a shadow root: the widget's mount point inside it.
  return { element, shadow: within(element.shadowRoot?.querySelector("div") as HTMLElement) };
}

function record(element: HTMLElement) {
  const seen: Array<{ type: string; detail: unknown }> = [];
  for (const type of Object.values(PURCHASE_EVENTS)) {
    // On document: the events bubble out of the element, as a page listens for them.
    const listener = (event: Event) => {
      if (event.target === element) seen.push({ type, detail: (event as CustomEvent).detail });
    };
    document.addEventListener(type, listener);
  }
  return seen;
}

describe("<creditkit-top-up>", () => {
  it("renders the widget in a shadow root from its attributes, and follows their changes", async () => {
    const { element, shadow } = mount({
      "base-path": BASE_PATH,
      locale: "de-DE",
      theme: "dark",
      "low-balance-threshold": "100000000",
    });
    expect(element.shadowRoot?.querySelector("style")).not.toBeNull();
    await shadow.findByText("Verfügbares Guthaben");
    expect(await shadow.findByText("Ihr Guthaben wird knapp.")).toBeInTheDocument(); // the threshold
    expect(element.shadowRoot?.querySelector(".ck-root")?.getAttribute("data-ck-theme")).toBe("dark");
    expect(bff.sent.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toContain(
      `${BASE_PATH}/catalog?locale=de-DE`,
    );
    expect(document.body.querySelector(".ck-root")).toBeNull(); // nothing outside the shadow root

    element.setAttribute("locale", "en-US");
    element.setAttribute("theme", "light");
    element.removeAttribute("low-balance-threshold");
    await shadow.findByText("Available balance");
    await waitFor(() => expect(shadow.queryByText(/running low/)).toBeNull());
    expect(element.shadowRoot?.querySelector(".ck-root")?.getAttribute("data-ck-theme")).toBe("light");

    element.remove();
    await waitFor(() => expect(element.shadowRoot?.querySelector(".ck-root")).toBeNull()); // unmounted
  });

  it("dispatches purchase-started with the purchase when Buy creates one", async () => {
    const { element, shadow } = mount({ "base-path": BASE_PATH });
    const seen = record(element);
    await userEvent.click(await shadow.findByRole("button", { name: /^Buy / }));
    await waitFor(() => expect(seen.map((e) => e.type)).toEqual([PURCHASE_EVENTS.started]));
    expect(seen[0]?.detail).toMatchObject({ credits: expect.any(Number), purchaseId: expect.stringMatching(/^pur_/) });
  });

  it.each([
    ["complete", "success", PURCHASE_EVENTS.credited, "paid"],
    ["cancel", "cancelled", PURCHASE_EVENTS.cancelled, "cancelled"],
  ] as const)(
    "after the payment session: %s, dispatches %s on the return",
    async (action, result, type, status) => {
      const res = await bff.fetch(`${BASE_PATH}/purchases`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `element_${action}_${Date.now()}` },
        body: JSON.stringify({ packId: "starter" }),
      });
      const purchase = (await res.json()) as PurchaseCreatedBody;
      await bff.pay(purchase.paymentUrl, action);
      window.history.replaceState(null, "", `/?ck_purchase=${purchase.purchaseId}&ck_result=${result}`);
      const { element } = mount({ "base-path": BASE_PATH });
      const seen = record(element);
      await waitFor(() => expect(seen.map((e) => e.type)).toEqual([type]), { timeout: 15_000 });
      expect(seen[0]?.detail).toMatchObject({ purchaseId: purchase.purchaseId, status });
    },
    30_000,
  );
});
