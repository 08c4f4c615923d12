import { screen, waitFor } from "@testing-library/react";
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { TopUpWidget } from "./components/top-up-widget.tsx";
import { CreditKitProvider } from "./provider.tsx";
import { prefetchTopUp } from "./server.ts";
import { BASE_PATH, bffForFile } from "./test/bff-harness.ts";

const bff = await bffForFile(undefined, { resetEach: false });

describe("hydrating server-rendered HTML", () => {
  it("matches the server render (no hydration errors), even on a return URL", async () => {
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH });
    const tree = () => (
      <CreditKitProvider basePath={BASE_PATH} fetch={bff.fetch} dehydratedState={state} timeZone="UTC">
        <TopUpWidget />
      </CreditKitProvider>
    );
    const html = renderToString(tree());
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    // The return parameters are read after hydration, never during render, so they cannot cause a mismatch.
    window.history.replaceState(null, "", `/?ck_purchase=pur_${"0".repeat(32)}&ck_result=success`);

    // Testing Library sets this for its own render; we call hydrateRoot ourselves.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const errors = vi.spyOn(console, "error");
    const recoverable: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, tree(), { onRecoverableError: (error) => recoverable.push(error) }),
    );
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(screen.getByRole("radio", { name: /Starter/ })).toBeChecked();
    // After hydration the widget picks up the return and asks the BFF about that purchase.
    await waitFor(() => expect(bff.sent.some((r) => r.url.includes(`/purchases/pur_${"0".repeat(32)}`))).toBe(true));
    act(() => root.unmount());
    container.remove();
  });
});
