import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../lib/runtime.ts";
import { SESSION_COOKIE, verifySession } from "../lib/session.ts";
import { DashboardWidget } from "./dashboard-widget.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

/** The signed-in customer's billing page on the demo merchant's dashboard. */
export default async function DashboardPage() {
  const { env, directory } = await getRuntime();
  const externalId = verifySession((await cookies()).get(SESSION_COOKIE)?.value, env.sessionSecret);
  if (!externalId) redirect("/signin");
  const customer = await directory.resolve(externalId);
  if (!customer) redirect("/signin");
  const merchant = await directory.merchantName();

  return (
    <>
      <header className="app-header">
        <span className="brand">
          {merchant}
          <small>Billing</small>
        </span>
        <div className="account">
          <span>
            Signed in as <strong>{customer.name}</strong>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="main">
        <h1>Billing</h1>
        <p className="lede">Your credit balance, top-ups and credit history.</p>
        <DashboardWidget />
      </main>
    </>
  );
}
