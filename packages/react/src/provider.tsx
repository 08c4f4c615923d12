import { DEFAULT_BASE_PATH } from "@creditkit/contract";
import { type DehydratedState, HydrationBoundary, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { CreditKitContext, type CreditKitContextValue } from "./context.ts";
import { createBffClient, type FetchLike } from "./core/bff-client.ts";
import { createFormatter } from "./core/format.ts";
import { DEFAULT_POLLING, type PollingOptions } from "./core/polling.ts";
import { en, type Messages } from "./messages/en.ts";
import { interpolate } from "./messages/interpolate.ts";

export interface CreditKitProviderProps {
  children?: ReactNode;
  /** Where the BFF handler is mounted. Default "/api/topup". */
  basePath?: string;
  /** BCP 47 locale for numbers, money and dates. Default "en-US". Strings come from `messages`. */
  locale?: string;
  /**
   * Any visible string, over the English defaults: a few keys, or a whole dictionary such as
   * `de` from "@creditkit/react/locales/de". Keys are listed in the README.
   */
  messages?: Partial<Messages>;
  /** Time zone for dates; pass one to make server and browser render the same day. Default: the runtime's. */
  timeZone?: string;
  /** The app's QueryClient. Without one the provider creates its own (one per server render). */
  queryClient?: QueryClient;
  /** Data prefetched on the server with `prefetchTopUp` from "@creditkit/react/server". */
  dehydratedState?: DehydratedState;
  /** fetch used to call the BFF (default: the global fetch). */
  fetch?: FetchLike;
  /** Render without the `ck-root` class so styles.css does not apply; the `ck-` part classes stay. */
  unstyled?: boolean;
  /** Force a theme; default follows prefers-color-scheme (or a `data-ck-theme` on an ancestor). */
  theme?: "light" | "dark";
  /** Automatic retries of failed reads when retrying can help. Default 2. */
  retry?: number;
  /** How the return flow polls the purchase. */
  polling?: PollingOptions;
  /** How to leave for the payment page. Default `window.location.assign(url)`. */
  navigate?: (url: string) => void;
}

/** The default way to the payment page; one function for every render, so the context stays memoised. */
const leaveFor = (url: string) => window.location.assign(url);

export function CreditKitProvider({
  children,
  queryClient,
  dehydratedState,
  basePath = DEFAULT_BASE_PATH,
  locale = "en-US",
  messages,
  timeZone,
  unstyled,
  theme,
  retry = 2,
  navigate = leaveFor,
  fetch: fetchImpl,
  polling,
}: CreditKitProviderProps) {
  // A client of our own only when the app gives none. useState's initialiser runs once per mounted
  // provider, and on the server once per render: never shared between requests.
  const [ownClient] = useState(() => queryClient ?? new QueryClient());
  const client = queryClient ?? ownClient;
  // By value: an inline `polling={{…}}` must not rebuild the context (and restart polling) every render.
  const pollingByValue = JSON.stringify(polling ?? {});

  const value = useMemo<CreditKitContextValue>(() => {
    const dictionary: Messages = { ...en, ...messages };
    const format = createFormatter(locale, timeZone);
    const t: CreditKitContextValue["t"] = (key, values) => interpolate(dictionary[key], values);
    return {
      basePath,
      locale,
      client: createBffClient(basePath, fetchImpl),
      format,
      t,
      credits: (count) =>
        t(format.plural(count) === "one" ? "creditsOne" : "creditsOther", { count: format.number(count) }),
      unstyled,
      theme,
      retry,
      polling: { ...DEFAULT_POLLING, ...JSON.parse(pollingByValue) },
      navigate,
    };
  }, [basePath, locale, messages, timeZone, unstyled, theme, retry, navigate, fetchImpl, pollingByValue]);

  // HydrationBoundary does nothing without a state, so it is always there: one tree whether or not
  // the server prefetched.
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={dehydratedState}>
        <CreditKitContext.Provider value={value}>{children}</CreditKitContext.Provider>
      </HydrationBoundary>
    </QueryClientProvider>
  );
}
