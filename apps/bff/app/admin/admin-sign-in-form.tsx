"use client";

import { type FormEvent, useState } from "react";

/** The staff password form; on success the page reloads with the staff cookie set. */
export function AdminSignInForm() {
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch("/api/demo/admin-session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password }),
    }).catch(() => null);
    if (res?.ok) {
      window.location.assign("/admin");
      return;
    }
    setBusy(false);
    setError(res?.status === 401 ? "That is not the staff password." : "Could not sign in. Please try again.");
  }

  return (
    <form className="card admin-sign-in" onSubmit={submit}>
      <label htmlFor="staff-password">Staff password</label>
      <input
        id="staff-password"
        type="password"
        autoComplete="current-password"
        value={password}
        required
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy || password === ""}>
        {busy ? "Signing in…" : "Sign in as staff"}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
