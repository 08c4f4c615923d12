"use client";

import { SupportConsole } from "@creditkit/react/support";
import "@creditkit/react/styles.css";
import { useState } from "react";

/** The signed-in staff view: CreditKit's support console over the BFF's admin routes, and sign-out. */
export function AdminConsole() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch("/api/demo/admin-session", { method: "DELETE" });
    } finally {
      window.location.assign("/admin");
    }
  }
  return (
    <>
      <p className="lede">
        Signed in as staff.{" "}
        <button type="button" className="button" onClick={signOut} disabled={busy}>
          Sign out of staff
        </button>
      </p>
      <SupportConsole basePath="/api/topup-admin" timeZone="UTC" />
    </>
  );
}
