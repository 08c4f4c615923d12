import { type AdminCustomerBody, DEFAULT_ADMIN_BASE_PATH } from "@creditkit/contract";
import { type FormEvent, useCallback, useId, useMemo, useRef, useState } from "react";
import { cx } from "../components/class-names.ts";
import type { FetchLike } from "../core/bff-client.ts";
import { createFormatter } from "../core/format.ts";
import { interpolate } from "../messages/interpolate.ts";
import { type CustomerRef, createAdminClient, customerRefOf } from "./admin-client.ts";
import { AdminGrantTable } from "./admin-grant-table.tsx";
import { consoleError } from "./console-errors.ts";
import { GrantForm } from "./grant-form.tsx";
import { type SupportMessages, supportEn } from "./messages.ts";
import { SupportContext, type SupportContextValue } from "./support-context.ts";

export interface SupportConsoleProps {
  /** Where the BFF's admin routes are mounted (server `adminBasePath`). Default "/api/topup-admin". */
  basePath?: string;
  /** BCP 47 locale for numbers and dates. Default "en-US"; strings come from `messages`. */
  locale?: string;
  /** Any string over the English defaults, e.g. `supportDe`. */
  messages?: Partial<SupportMessages>;
  timeZone?: string;
  /** Force a theme; default follows prefers-color-scheme. */
  theme?: "light" | "dark";
  /** Render without `ck-root` (styles.css does not apply); the `ck-` part classes stay. */
  unstyled?: boolean;
  /** fetch used to call the BFF (default: the global fetch). */
  fetch?: FetchLike;
  /** Grants per page. Default 10. */
  pageSize?: number;
  /** The largest grant the form offers; keep it at the server's `adminLimits.maxGrantCredits`. Default 100000. */
  maxGrantCredits?: number;
  className?: string;
}

/**
 * The merchant's support console: find a customer, see their balance and every grant with its
 * source, give promotional or adjustment credits, void a grant, refund a purchase, each with a
 * confirm step. Talks only to the BFF's admin routes, which the merchant's `authorizeAdmin` guards;
 * needs no CreditKitProvider or React Query. Its own entry point (`@creditkit/react/support`), so
 * the customer's widget never carries it.
 */
export function SupportConsole({
  basePath = DEFAULT_ADMIN_BASE_PATH,
  locale = "en-US",
  messages,
  timeZone,
  theme,
  unstyled,
  fetch: fetchImpl,
  pageSize = 10,
  maxGrantCredits = 100_000,
  className,
}: SupportConsoleProps) {
  const id = useId();
  const context = useMemo<SupportContextValue>(() => {
    const dictionary: SupportMessages = { ...supportEn, ...messages };
    const format = createFormatter(locale, timeZone);
    const t: SupportContextValue["t"] = (key, values) => interpolate(dictionary[key], values);
    return {
      client: createAdminClient(basePath, fetchImpl),
      format,
      t,
      credits: (count) =>
        t(format.plural(count) === "one" ? "creditsOne" : "creditsOther", { count: format.number(count) }),
    };
  }, [basePath, locale, messages, timeZone, fetchImpl]);
  const { t, client, format, credits } = context;

  const [query, setQuery] = useState("");
  const [ref, setRef] = useState<CustomerRef | null>(null);
  const [page, setPage] = useState(0);
  const [customer, setCustomer] = useState<AdminCustomerBody | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef(0);

  const load = useCallback(
    async (target: CustomerRef, pageIndex: number) => {
      const ticket = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const body = await client.lookup(target, { limit: pageSize, offset: pageIndex * pageSize });
        if (ticket !== latest.current) return;
        setCustomer(body);
        setRef({ customerId: body.customer.customerId });
        setPage(pageIndex);
      } catch (caught) {
        if (ticket !== latest.current) return;
        const { key, values } = consoleError(caught);
        setError(t(key, values));
        setCustomer(null);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [client, pageSize, t],
  );

  function search(event: FormEvent) {
    event.preventDefault();
    if (query.trim() === "") return;
    setAnnouncement("");
    void load(customerRefOf(query), 0);
  }

  const changed = (words: string) => {
    setAnnouncement(words);
    if (ref) void load(ref, page);
  };

  const pages = customer ? Math.max(1, Math.ceil(customer.grants.pagination.total / pageSize)) : 0;
  const name = customer ? (customer.customer.name ?? t("unnamed")) : "";

  return (
    <SupportContext.Provider value={context}>
      <section
        className={cx(!unstyled && "ck-root", "ck-console", className)}
        data-ck-theme={!unstyled ? theme : undefined}
        aria-labelledby={`${id}-title`}
        lang={locale}
      >
        <h2 id={`${id}-title`} className="ck-title">
          {t("consoleTitle")}
        </h2>
        <search className="ck-console-search">
          <form onSubmit={search}>
            <label className="ck-label" htmlFor={`${id}-query`}>
              {t("searchLabel")}
            </label>
            <div className="ck-console-search-row">
              <input
                id={`${id}-query`}
                className="ck-input"
                type="search"
                value={query}
                autoComplete="off"
                aria-describedby={`${id}-query-hint`}
                onChange={(event) => setQuery(event.target.value)}
              />
              <button type="submit" className="ck-button ck-button--primary" disabled={loading}>
                {loading ? t("searching") : t("searchButton")}
              </button>
            </div>
            <span id={`${id}-query-hint`} className="ck-hint">
              {t("searchHint")}
            </span>
          </form>
        </search>
        <p role="status" className="ck-console-status">
          {announcement}
        </p>
        {error ? (
          <p role="alert" className="ck-error">
            {error}
          </p>
        ) : null}
        {customer ? (
          <div className="ck-console-customer" aria-busy={loading}>
            <section aria-labelledby={`${id}-customer`} className="ck-console-summary">
              <h3 id={`${id}-customer`} className="ck-heading">
                {name}
              </h3>
              <p className="ck-muted">
                {t("customerIds", {
                  externalId: customer.customer.externalId ?? "—",
                  customerId: customer.customer.customerId,
                })}
              </p>
              <p className="ck-balance">
                <span className="ck-balance-label">{t("balance")}</span>{" "}
                <span className="ck-balance-value">{credits(customer.balance.balance)}</span>
              </p>
            </section>
            <GrantForm customer={customer} maxCredits={maxGrantCredits} onGranted={changed} />
            <section aria-labelledby={`${id}-history`} className="ck-console-history">
              <h3 id={`${id}-history`} className="ck-heading">
                {t("historyTitle")}
              </h3>
              <AdminGrantTable customer={customer} onChanged={changed} />
              {pages > 1 && ref ? (
                <nav className="ck-pager" aria-label={t("historyTitle")}>
                  <button
                    type="button"
                    className="ck-button ck-button--secondary"
                    disabled={page === 0 || loading}
                    onClick={() => void load(ref, page - 1)}
                  >
                    {t("previousPage")}
                  </button>
                  <span className="ck-pager-info" aria-live="polite">
                    {t("pageOf", { page: format.number(page + 1), pages: format.number(pages) })}
                  </span>
                  <button
                    type="button"
                    className="ck-button ck-button--secondary"
                    disabled={page + 1 >= pages || loading}
                    onClick={() => void load(ref, page + 1)}
                  >
                    {t("nextPage")}
                  </button>
                </nav>
              ) : null}
            </section>
          </div>
        ) : null}
      </section>
    </SupportContext.Provider>
  );
}
