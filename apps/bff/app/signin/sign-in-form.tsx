"use client";

import { useState } from "react";

export interface SignInCustomer {
  externalId: string;
  name: string;
  email: string | null;
}

export function SignInForm({ customers }: { customers: SignInCustomer[] }) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signIn(externalId: string) {
    setPending(externalId);
    setError(null);
    const res = await fetch("/api/demo/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customer: externalId }),
    }).catch(() => null);
    if (res?.ok) {
      window.location.assign("/");
      return;
    }
    setPending(null);
    setError("Could not sign in. Please try again.");
  }

  return (
    <>
      <ul className="customer-list">
        {customers.map((c) => (
          <li key={c.externalId} className="card">
            <span>
              <span className="customer-name">{c.name}</span>
              {c.email ? <span className="customer-email"> · {c.email}</span> : null}
            </span>
            <button
              type="button"
              className="button button-primary"
              disabled={pending !== null}
              onClick={() => signIn(c.externalId)}
            >
              {pending === c.externalId ? "Signing in…" : `Sign in as ${c.name}`}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </>
  );
}
