import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Acme Cloud · Billing",
  description: "CreditKit reference app: a merchant dashboard that sells prepaid credits through Paygentic.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which the per-request CSP nonce requires
  // (Next.js puts the nonce from the proxy's CSP header on its own script tags).
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
