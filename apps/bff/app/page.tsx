import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../lib/runtime.ts";
import { AppHeader } from "./app-header.tsx";
import { DashboardWidget } from "./dashboard-widget.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The signed-in customer's billing page. `?lang=de` and `?checkout=new-window` let the demo show
 * the German dictionary and the new-window checkout without a settings screen.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { directory, session } = await getRuntime();
  // The same reader and checks as the API's resolveCustomer (two session cookies, or a signed-out
  // one, are no session), so the page never shows someone the widget does not act for.
  const cookie = (await headers()).get("cookie");
  const signedIn = await session(cookie);
  if (!signedIn) redirect("/signin");
  const customer = await directory.resolve(signedIn.customer);
  if (!customer) redirect("/signin");
  const merchant = await directory.merchantName();

  return (
    <>
      <AppHeader merchant={merchant}>
        <div className="account">
          <span>
            Signed in as <strong>{customer.name}</strong>
          </span>
          <SignOutButton />
        </div>
      </AppHeader>
      <main className="main">
        <h1>Billing</h1>
        <p className="lede">Your credit balance, top-ups and credit history.</p>
        <DashboardWidget
          cookie={cookie ?? ""}
          lang={params.lang === "de" ? "de" : "en"}
          checkout={params.checkout === "new-window" ? "new-window" : "redirect"}
        />
      </main>
    </>
  );
}
