import { type NextRequest, NextResponse } from "next/server";
import { paymentHostsFromEnv } from "./lib/env.ts";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./lib/security-headers.ts";

/**
 * Security headers on every page, with a fresh CSP nonce per request. Next.js reads the nonce from
 * the request's CSP header and puts it on its own scripts. The proxy does not run for API routes or
 * static assets (see `config.matcher`): their fixed headers come from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const development = process.env.NODE_ENV !== "production";
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, paymentHostsFromEnv(process.env, development).hosts, development);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages need the per-request nonce; static build assets and the JSON API get fixed headers from
  // next.config.ts instead, because running the proxy costs every request about as much as the
  // route itself (bench/results.md, BFF overhead).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
