// @vitest-environment node
import { readFileSync } from "node:fs";
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TopUpWidget } from "./components/top-up-widget.tsx";
import { CreditKitProvider } from "./provider.tsx";
import { creditKitKeys, prefetchTopUp } from "./server.ts";
import { BASE_PATH, bffForFile } from "./test/bff-harness.ts";

const bff = await bffForFile();

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function liveBalance(): Promise<number> {
  return ((await (await bff.fetch(`${BASE_PATH}/balance`)).json()) as { balance: number }).balance;
}

describe("server rendering (no browser globals)", () => {
  it("runs without window, document or sessionStorage", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    expect(typeof sessionStorage).toBe("undefined");
  });

  it("renders balance, packs and the first page of grants from prefetched data", async () => {
    const balance = await liveBalance();
    bff.sent.length = 0;
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH });
    const html = renderToString(
      <CreditKitProvider basePath={BASE_PATH} dehydratedState={state} timeZone="UTC">
        <TopUpWidget />
      </CreditKitProvider>,
    );
    const visible = text(html);
    expect(visible).toContain(`${balance.toLocaleString("en-US")} credits`);
    expect(visible).toContain("Starter 1,000 credits $10.00");
    expect(visible).toContain("Scale 20,000 credits $160.00 Best value");
    expect(visible).toContain("Buy 1,000 credits for $10.00");
    expect(html.match(/<tr class="ck-grant/g)).toHaveLength(10);
    expect(visible).toMatch(/Page 1 of \d+/);
    expect(html).not.toContain('aria-label="Loading…"');
    expect(html).toContain('class="ck-root ck-widget"');
    // Only the three prefetch requests reached the BFF: nothing fetched during the render.
    expect(bff.sent.map((r) => new URL(r.url).pathname).sort()).toEqual([
      "/api/topup/balance",
      "/api/topup/catalog",
      "/api/topup/grants",
    ]);
  });

  it("uses the hooks' query keys", async () => {
    const queryClient = new QueryClient();
    await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH, queryClient, grantsPageSize: 5 });
    expect(queryClient.getQueryData(creditKitKeys.catalog(BASE_PATH, "en-US"))).toMatchObject({ currency: "USD" });
    expect(queryClient.getQueryData(creditKitKeys.balance(BASE_PATH))).toMatchObject({ hasAccess: true });
    expect(
      queryClient.getQueryData(creditKitKeys.grants(BASE_PATH, { limit: 5, offset: 0, includeVoided: false })),
    ).toMatchObject({ pagination: { limit: 5, offset: 0 } });
  });

  it("works with the app's own QueryClient and HydrationBoundary", async () => {
    const server = new QueryClient();
    await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH, queryClient: server });
    const app = new QueryClient();
    const html = renderToString(
      <QueryClientProvider client={app}>
        <HydrationBoundary state={dehydrate(server)}>
          <CreditKitProvider basePath={BASE_PATH} queryClient={app}>
            <TopUpWidget />
          </CreditKitProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    expect(text(html)).toContain("Growth 5,000 credits $45.00");
  });

  it("leaves out what failed, so the page still renders (the browser fetches it)", async () => {
    bff.signInAs(null);
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH });
    expect(state.queries).toHaveLength(0);
    const html = renderToString(
      <CreditKitProvider basePath={BASE_PATH} dehydratedState={state}>
        <TopUpWidget />
      </CreditKitProvider>,
    );
    expect(html).toContain('aria-label="Loading…"');
  });

  it("prefetches the catalog in the locale the provider renders, so its pack texts hydrate as they are", async () => {
    await bff.reset({
      catalog: {
        currency: "USD",
        packs: [{ id: "starter", credits: 1000, price: "10", label: { en: "Starter", de: "Einstieg" } }],
      },
    });
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH, locale: "de-DE" });
    expect(bff.sent.map((r) => new URL(r.url)).find((u) => u.pathname.endsWith("/catalog"))?.search).toBe(
      "?locale=de-DE",
    );
    const html = renderToString(
      <CreditKitProvider basePath={BASE_PATH} dehydratedState={state} locale="de-DE" timeZone="UTC">
        <TopUpWidget />
      </CreditKitProvider>,
    );
    expect(text(html)).toContain("Einstieg");
  });

  it("never holds the render past deadlineMs: what is late is left out, like a failure", async () => {
    // Balance and grants both read the entitlement; a hanging Paygentic holds them, not the catalog.
    await bff.emulator.fault({ method: "GET", path: "/v1/entitlements/*", delayMs: 1_500 });
    const started = performance.now();
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH, deadlineMs: 200 });
    const elapsed = performance.now() - started;
    await bff.emulator.clearFaults();
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(600);
    expect(state.queries.map((q) => q.queryKey)).toEqual([creditKitKeys.catalog(BASE_PATH, "en-US")]);
    const html = renderToString(
      <CreditKitProvider basePath={BASE_PATH} dehydratedState={state}>
        <TopUpWidget />
      </CreditKitProvider>,
    );
    expect(html).toContain("Starter");
  });

  it("refuses a deadlineMs that is not a number of milliseconds", async () => {
    await expect(prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH, deadlineMs: Number.NaN })).rejects.toThrow(
      /deadlineMs/,
    );
  });

  it("never shares a QueryClient between server renders", async () => {
    const state = await prefetchTopUp({ fetch: bff.fetch, basePath: BASE_PATH });
    const render = (dehydratedState?: typeof state) =>
      renderToString(
        <CreditKitProvider basePath={BASE_PATH} dehydratedState={dehydratedState}>
          <TopUpWidget />
        </CreditKitProvider>,
      );
    expect(render(state)).toContain("Starter");
    // The next request (another customer, nothing prefetched) sees none of the first one's data.
    const next = render();
    expect(next).not.toContain("Starter");
    expect(next).not.toContain("ck-grant");
  });
});

describe("the 'use client' boundary", () => {
  const source = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

  it("marks the client entry and leaves the server entry importable from server components", () => {
    expect(source("./index.ts").trimStart()).toMatch(/^"use client";/);
    expect(source("./server.ts")).not.toMatch(/^\s*["']use client["']/m);
  });

  it("keeps React components and hooks out of the server entry's imports", () => {
    const seen = new Set<string>();
    const walk = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      // Runtime imports only: `import type` is erased from the output.
      for (const [, spec] of source(path).matchAll(/^(?:import|export) (?!type )[^;]*? from "(\.[^"]+)"/gm)) {
        walk(new URL(spec as string, new URL(path, import.meta.url)).pathname.replace(/.*\/src\//, "./"));
      }
    };
    walk("./server.ts");
    expect([...seen].sort()).toEqual([
      "./core/bff-client.ts",
      "./core/errors.ts",
      "./core/queries.ts",
      "./core/query-keys.ts",
      "./server.ts",
    ]);
  });
});
