import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "../next.config.ts";
import { config, proxy } from "../proxy.ts";

/**
 * Clickjacking and sniffing defences live in the app, not in the handler: the proxy puts them on
 * every page (with the per-request CSP nonce), next.config.ts's fixed headers on every API answer
 * (the handler's own JSON carries nosniff as well; see
 * packages/server/src/handler.secret-and-headers.test.ts). Called directly, without a server;
 * tests/full-server.test.ts checks them on real answers of `next start`.
 */

describe("proxy security headers", () => {
  // Pages only: the matcher below keeps the proxy off the API, whose headers the last test checks.
  it.each(["/", "/signin", "/?ck_purchase=pur_x&ck_result=success"])("page %s cannot be framed or sniffed", (path) => {
    const response = proxy(new NextRequest(`http://127.0.0.1:3000${path}`));
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("runs for everything except Next's static assets and the JSON API (whose headers are fixed)", () => {
    const [matcher] = config.matcher;
    const re = new RegExp(`^${matcher}$`);
    for (const path of ["/", "/signin", "/?ck_purchase=x"]) expect(re.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunk.js", "/favicon.ico", "/api/topup/balance", "/api/health"]) {
      expect(re.test(path), path).toBe(false);
    }
  });

  it("gives the API, where the proxy does not run, a fixed policy: nothing loads, nothing frames it", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const headersFor = (path: string) =>
      Object.fromEntries(
        rules
          .filter((r) => new RegExp(`^${r.source.replace(":path*", ".*")}$`).test(path))
          .flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])),
      );
    for (const path of ["/api/topup/balance", "/api/topup/purchases", "/api/health", "/api/demo/session"]) {
      const headers = headersFor(path);
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});
