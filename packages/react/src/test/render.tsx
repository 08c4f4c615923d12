import { QueryClient } from "@tanstack/react-query";
import { render, renderHook } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { CreditKitProvider, type CreditKitProviderProps } from "../provider.tsx";
import { BASE_PATH, type Bff } from "./bff-harness.ts";

export interface RenderOptions extends Omit<CreditKitProviderProps, "children"> {
  bff: Bff;
}

/**
 * A CreditKitProvider wired to the real BFF handler. `navigations` records where the widget sent
 * the browser (jsdom cannot leave the page). Checks of a returning purchase come every 10–40 ms so
 * tests never wait for real seconds; the budget stays the widget's own 60 s, which no test reaches
 * in real time: tests of the budget move the clock (see fake-clock.ts).
 */
function testProvider({ bff, ...props }: RenderOptions) {
  const navigations: string[] = [];
  const queryClient = props.queryClient ?? new QueryClient();
  const wrap = (node: ReactNode) => (
    <CreditKitProvider
      basePath={BASE_PATH}
      fetch={bff.fetch}
      retry={0}
      timeZone="UTC"
      polling={{ initialDelayMs: 10, maxDelayMs: 40 }}
      navigate={(url) => navigations.push(url)}
      {...props}
      queryClient={queryClient}
    >
      {node}
    </CreditKitProvider>
  );
  return { wrap, navigations, queryClient };
}

/** Renders `ui` inside the test provider (see testProvider). */
export function renderWithBff(ui: ReactElement, options: RenderOptions) {
  const { wrap, navigations, queryClient } = testProvider(options);
  const result = render(wrap(ui));
  return {
    ...result,
    navigations,
    queryClient,
    /** Re-render with the same client, e.g. after a prop change. */
    rerenderWith: (next: ReactElement) => result.rerender(wrap(next)),
  };
}

/** Runs a hook inside the test provider (see testProvider). */
export function renderHookWithBff<Result>(hook: () => Result, options: RenderOptions) {
  const { wrap, navigations, queryClient } = testProvider(options);
  const result = renderHook(hook, { wrapper: ({ children }) => wrap(children) });
  return { ...result, navigations, queryClient };
}
