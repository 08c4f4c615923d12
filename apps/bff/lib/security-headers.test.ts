import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers.ts";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const hosts = ["https://checkout.paygentic.io", "http://127.0.0.1:4010"];

  it("allows the payment hosts only as form targets and frames, and nothing else beyond self", () => {
    const d = directives(contentSecurityPolicy("abc123", hosts, false));
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'", ...hosts]);
    expect(d.get("frame-src")).toEqual(hosts);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    for (const [name, values] of d) {
      if (name === "form-action" || name === "frame-src") continue;
      for (const host of hosts) expect(values).not.toContain(host);
    }
  });

  it("relaxes only what Next's development mode needs", () => {
    const d = directives(contentSecurityPolicy("n", hosts, true));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("style-src")).toContain("'unsafe-inline'");
  });
});
