import { CreditKitProvider, TopUpWidget } from "@creditkit/react";
import { de } from "@creditkit/react/locales/de";
import { prefetchTopUp } from "@creditkit/react/server";
import "@creditkit/react/styles.css";
import { getRuntime } from "../lib/runtime.ts";

export interface DashboardWidgetProps {
  /** The signed-in customer's cookie header, forwarded so the prefetch is theirs and nobody else's. */
  cookie: string;
  /** "de" shows the German dictionary with euro-style number formatting of the catalog's currency. */
  lang: "en" | "de";
  checkout: "redirect" | "new-window";
}

/**
 * The CreditKit widget on the merchant's billing page. Catalog, balance and the first page of
 * grants are fetched here, on the server, straight through the BFF handler (no HTTP hop), so the
 * first paint already shows them; the browser takes over from the dehydrated state.
 */
export async function DashboardWidget({ cookie, lang, checkout }: DashboardWidgetProps) {
  const { env, topUp } = await getRuntime();
  const locale = lang === "de" ? "de-DE" : "en-US";
  const dehydratedState = await prefetchTopUp({
    locale,
    fetch: (path, init) =>
      topUp(
        new Request(new URL(path, env.publicUrl), {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init?.headers)), cookie },
        }),
      ),
  });
  return (
    <CreditKitProvider
      dehydratedState={dehydratedState}
      locale={locale}
      messages={lang === "de" ? de : undefined}
      // Server and browser must print the same dates; a real dashboard would use the customer's zone.
      timeZone="UTC"
    >
      <TopUpWidget checkout={checkout} lowBalanceThreshold={200} />
    </CreditKitProvider>
  );
}
