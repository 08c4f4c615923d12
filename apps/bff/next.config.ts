import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./lib/security-headers.ts";

const config: NextConfig = {
  // The workspace packages ship TypeScript sources; Next compiles them with the app.
  transpilePackages: ["@creditkit/contract", "@creditkit/server", "@creditkit/paygentic", "@creditkit/react"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    // The proxy adds the CSP (it needs a per-request nonce); these fixed ones cover every path,
    // static assets included.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // The API is JSON only: its CSP is fixed (pages get theirs, with a nonce, from the proxy).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default config;
