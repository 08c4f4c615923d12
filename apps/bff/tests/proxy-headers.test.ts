import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "../proxy.ts";

/**
 * Clickjacking and sniffing defences live in the app, not in the handler: the proxy puts them on
 * every page AND every API answer (the handler's own JSON carries nosniff as well; see
 * packages/server/src/handler.secret-and-headers.test.ts). Called directly, without a server.
 */

describe("proxy security headers", () => {
  it.each(["/", "/signin", "/api/topup/balance", "/api/topup/purchases", "/api/topup/webhooks/paygentic"])(
    "%s cannot be framed or sniffed",
    (path) => {
      const response = proxy(new NextRequest(`http://127.0.0.1:3000${path}`));
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    },
  );

  it("runs for everything except Next's static assets", () => {
    const [matcher] = config.matcher;
    const re = new RegExp(`^${matcher}$`);
    for (const path of ["/", "/signin", "/api/topup/balance"]) expect(re.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunk.js", "/favicon.ico"]) expect(re.test(path), path).toBe(false);
  });
});
