"use client";

import { useState } from "react";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch("/api/demo/session", { method: "DELETE" });
    } finally {
      window.location.assign("/signin");
    }
  }
  return (
    <button type="button" className="button" onClick={signOut} disabled={busy}>
      Sign out
    </button>
  );
}
