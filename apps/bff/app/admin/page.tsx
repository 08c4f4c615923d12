import { headers } from "next/headers";
import { connection } from "next/server";
import { getRuntime } from "../../lib/runtime.ts";
import { AppHeader } from "../app-header.tsx";
import { AdminConsole } from "./admin-console.tsx";
import { AdminSignInForm } from "./admin-sign-in-form.tsx";

/**
 * The demo merchant's support console, for its staff: a sign-in of its own (a password, its own
 * cookie), clearly apart from the customers' sign-in. Off unless CREDITKIT_DEMO_ADMIN_PASSWORD is set.
 */
export default async function AdminPage() {
  await connection();
  const { env, directory, adminSession } = await getRuntime();
  const merchant = await directory.merchantName().catch(() => "Acme Cloud");
  const staff = await adminSession((await headers()).get("cookie"));

  return (
    <>
      <AppHeader merchant={`${merchant} · Staff`} />
      <main className="main">
        <h1>Support console</h1>
        {env.demoAdminPassword === undefined ? (
          <p className="lede">
            The support console is off. Start the app with <code>CREDITKIT_DEMO_ADMIN_PASSWORD</code> set (
            <code>pnpm dev</code> and <code>pnpm start</code> set a development one and print it).
          </p>
        ) : staff ? (
          <AdminConsole />
        ) : (
          <>
            <p className="lede">Staff only. This is not the customers' sign-in.</p>
            <AdminSignInForm />
          </>
        )}
      </main>
    </>
  );
}
