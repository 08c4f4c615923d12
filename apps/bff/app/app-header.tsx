import type { ReactNode } from "react";

/** The demo merchant's top bar: its name, and whatever the page puts on the right (the account). */
export function AppHeader({ merchant, children }: { merchant: string; children?: ReactNode }) {
  return (
    <header className="app-header">
      <span className="brand">
        {merchant}
        <small>Billing</small>
      </span>
      {children}
    </header>
  );
}
