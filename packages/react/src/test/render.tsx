import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { CreditKitProvider, type CreditKitProviderProps } from "../provider.tsx";
import { BASE_PATH, type Bff } from "./bff-harness.ts";

export interface RenderOptions extends Omit<CreditKitProviderProps, "children"> {
  bff: Bff;
}

/**
 * Renders `ui` inside a CreditKitProvider wired to the real BFF handler. `navigations` records where
 * the widget sent the browser (jsdom cannot leave the page); polling defaults to a tiny budget so
 * tests never wait for real seconds.
 */
export function renderWithBff(ui: ReactElement, { bff, ...props }: RenderOptions) {
  const navigations: string[] = [];
  const queryClient = props.queryClient ?? new QueryClient();
  const element = (node: ReactElement) => (
    <CreditKitProvider
      basePath={BASE_PATH}
      fetch={bff.fetch}
      retry={0}
      timeZone="UTC"
      polling={{ initialDelayMs: 10, factor: 1.5, maxDelayMs: 40, timeoutMs: 2000 }}
      navigate={(url) => navigations.push(url)}
      {...props}
      queryClient={queryClient}
    >
      {node}
    </CreditKitProvider>
  );
  const result = render(element(ui));
  return {
    ...result,
    navigations,
    queryClient,
    /** Re-render with the same client, e.g. after a prop change. */
    rerenderWith: (next: ReactElement) => result.rerender(element(next)),
  };
}
