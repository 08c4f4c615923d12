import { createContext, useContext } from "react";
import type { Formatter } from "../core/format.ts";
import type { AdminClient } from "./admin-client.ts";
import type { SupportMessageKey } from "./messages.ts";

export interface SupportContextValue {
  client: AdminClient;
  format: Formatter;
  t: (key: SupportMessageKey, values?: Record<string, string | number | undefined>) => string;
  /** "1,000 credits" in the locale, with the right plural form. */
  credits: (count: number) => string;
}

export const SupportContext = createContext<SupportContextValue | null>(null);

export function useSupport(): SupportContextValue {
  const value = useContext(SupportContext);
  if (!value) throw new Error("Support console parts render inside <SupportConsole>.");
  return value;
}
