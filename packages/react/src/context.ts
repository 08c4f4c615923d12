import { createContext, useContext } from "react";
import type { BffClient } from "./core/bff-client.ts";
import type { Formatter } from "./core/format.ts";
import type { PollingOptions } from "./core/polling.ts";
import type { MessageKey } from "./messages/en.ts";

export interface CreditKitContextValue {
  basePath: string;
  /** The provider's locale: numbers, dates, and the pack texts the catalog is asked for in. */
  locale: string;
  client: BffClient;
  format: Formatter;
  /** A message with its placeholders filled in. */
  t: (key: MessageKey, values?: Record<string, string | number | undefined>) => string;
  /** "1,000 credits" in the locale, with the right plural form. */
  credits: (count: number) => string;
  unstyled: boolean | undefined;
  theme: "light" | "dark" | undefined;
  /** How many times a failed read is retried automatically when retrying can help. */
  retry: number;
  polling: Required<PollingOptions>;
  navigate: (url: string) => void;
}

export const CreditKitContext = createContext<CreditKitContextValue | null>(null);

/** The provider's settings; every hook and component needs a `<CreditKitProvider>` above it. */
export function useCreditKit(): CreditKitContextValue {
  const value = useContext(CreditKitContext);
  if (!value) throw new Error("Wrap CreditKit hooks and components in <CreditKitProvider>.");
  return value;
}
