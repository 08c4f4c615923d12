import { describe, expect, it } from "vitest";
import { cleanEnv, serverLogProblems, withoutGoogleFonts } from "./fresh-next-app.ts";

// The parts of the fresh-app scaffolding that need no network; the whole of it runs in
// e2e/tests/fresh-next-app.spec.ts.

/** create-next-app 16.4.3's app/layout.tsx, as it writes it. */
const TEMPLATE_LAYOUT = `import type { Metadata } from "next";
import { Geist, Geist_Mono } from "next/font/google";
import "./globals.css";

const geistSans = Geist({
  variable: "--font-geist-sans",
  subsets: ["latin"],
});

const geistMono = Geist_Mono({
  variable: "--font-geist-mono",
  subsets: ["latin"],
});

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en" className={\`\${geistSans.variable} \${geistMono.variable} h-full antialiased\`}>
      <body className="min-h-full flex flex-col">{children}</body>
    </html>
  );
}
`;

describe("withoutGoogleFonts", () => {
  it("replaces the template's Google fonts by empty ones, keeping the rest of the layout", () => {
    const layout = withoutGoogleFonts(TEMPLATE_LAYOUT);
    expect(layout).not.toContain("next/font/google");
    expect(layout).toContain('const geistSans = { variable: "", className: "" };');
    expect(layout).toContain('const geistMono = { variable: "", className: "" };');
    expect(layout).toContain('import "./globals.css";');
    expect(layout).toContain(TEMPLATE_LAYOUT.slice(TEMPLATE_LAYOUT.indexOf("export default")));
  });

  it("leaves a layout without Google fonts alone", () => {
    const layout = 'import "./globals.css";\nexport default function L() { return null; }\n';
    expect(withoutGoogleFonts(layout)).toBe(layout);
  });

  it("refuses a font call it cannot replace, rather than leave a fetch from Google in the build", () => {
    const layout = 'import { Inter } from "next/font/google";\nconst inter = Inter(options);\n';
    expect(() => withoutGoogleFonts(layout)).toThrow("calls Inter(…)");
  });
});

describe("serverLogProblems", () => {
  it("passes Next's start-up lines, colours included", () => {
    const log = [
      "\u001b[1m\u001b[38;2;173;127;168m▲ Next.js 16.4.3\u001b[39m\u001b[22m",
      "- Local:         http://127.0.0.1:3710",
      "- Network:       http://127.0.0.1:3710",
      "\u001b[32m✓\u001b[39m Ready in 240ms",
      "✓ Running next.config.ts took 87ms",
      "",
    ].join("\n");
    expect(serverLogProblems(log)).toEqual([]);
  });

  it("reports the unstable-value error the README's old page logged on every request, and any other line", () => {
    const log = [
      "▲ Next.js 16.4.3",
      "✓ Ready in 240ms",
      'Error: Route "/billing": Next.js encountered the unstable value `Date.now()` while prerendering.',
      "    at fetch (.next/server/chunks/ssr/_0ysls5-g7omex._.js:63:1937)",
      " ⚠ a warning",
      "top-up: purchase created",
    ].join("\n");
    expect(serverLogProblems(log)).toEqual([
      'Error: Route "/billing": Next.js encountered the unstable value `Date.now()` while prerendering.',
      "    at fetch (.next/server/chunks/ssr/_0ysls5-g7omex._.js:63:1937)",
      " ⚠ a warning",
      "top-up: purchase created",
    ]);
  });
});

describe("cleanEnv", () => {
  it("turns telemetry off and keeps NODE_ENV, pnpm's npm_* settings and CreditKit's variables out", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        NODE_ENV: "test",
        npm_config_user_agent: "pnpm/10",
        npm_config_registry: "https://registry.npmjs.org/",
        PAYGENTIC_API_KEY: "sk_test_parent",
        CREDITKIT_PUBLIC_URL: "http://parent",
      });
      const env = cleanEnv({ PORT: "1" });
      expect(env).toMatchObject({ NEXT_TELEMETRY_DISABLED: "1", PORT: "1" });
      expect(env.npm_config_registry).toBe("https://registry.npmjs.org/");
      for (const name of ["NODE_ENV", "npm_config_user_agent", "PAYGENTIC_API_KEY", "CREDITKIT_PUBLIC_URL"]) {
        expect(env[name], name).toBeUndefined();
      }
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
