import { connection } from "next/server";
import { getRuntime } from "../../lib/runtime.ts";
import { AppHeader } from "../app-header.tsx";
import { SignInForm } from "./sign-in-form.tsx";

/** The demo merchant's sign-in: pick one of the seeded customers. */
export default async function SignInPage() {
  await connection();
  const { env, directory } = await getRuntime();
  const customers = await directory.list().catch(() => null);
  const merchant = await directory.merchantName().catch(() => "Acme Cloud");

  return (
    <>
      <AppHeader merchant={merchant} />
      <main className="main">
        <h1>Sign in</h1>
        <p className="lede">This demo has no passwords: choose a customer to see their billing page.</p>
        {customers === null ? (
          <p role="alert" className="error">
            Paygentic is not reachable at {env.paygenticBaseUrl}. Start the app with <code>pnpm dev</code>, which runs
            the emulator beside it.
          </p>
        ) : customers.length === 0 ? (
          <p>No demo customers are configured (set DEMO_CUSTOMERS).</p>
        ) : (
          <SignInForm customers={customers} />
        )}
      </main>
    </>
  );
}
