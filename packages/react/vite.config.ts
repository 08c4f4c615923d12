import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, preprocessCSS, type ResolvedConfig } from "vite";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Peer dependencies stay imports, and so does @creditkit/contract: our own zero-dependency package
// (the BFF's types and pricing rule), shared with @creditkit/server and deduplicated by the app's
// bundler. No third-party code ships inside the widget.
const external = [
  /^react(\/.*)?$/,
  /^react-dom(\/.*)?$/,
  /^@tanstack\/(react-query|query-core)(\/.*)?$/,
  /^@creditkit\/contract$/,
];

/**
 * styles.css is its own export, never imported by the JS (merchants choose to load it), so it is not
 * part of the module graph: emit it minified next to the bundles.
 */
function stylesheet(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "creditkit:stylesheet",
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const file = src("styles.css");
      const { code } = await preprocessCSS(readFileSync(file, "utf8"), file, config);
      // lightningcss is Vite's own CSS minifier; load Vite's copy rather than adding a dependency.
      const { transform } = createRequire(createRequire(import.meta.url).resolve("vite"))("lightningcss") as {
        transform(o: { filename: string; code: Uint8Array; minify: boolean }): { code: Uint8Array };
      };
      const minified = transform({ filename: "styles.css", code: Buffer.from(code), minify: true });
      this.emitFile({ type: "asset", fileName: "styles.css", source: minified.code.toString() });
    },
  };
}

/**
 * Bundlers may drop module-level directives from library output. The client entry must start with
 * "use client" (Next.js needs the boundary); the server entry must NOT (server components import it).
 */
function clientDirective(...entries: string[]): Plugin {
  return {
    name: "creditkit:use-client",
    renderChunk(code, chunk) {
      if (!chunk.isEntry || !entries.includes(chunk.name) || /^\s*["']use client["']/.test(code)) return null;
      return { code: `"use client";\n${code}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [stylesheet(), clientDirective("index", "support")],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: {
        index: src("index.ts"),
        server: src("server.ts"),
        "locales/de": src("locales/de.ts"),
        // The support console: its own entry, so the customer's widget never carries it.
        support: src("support.ts"),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      external,
      // The "use client" directive is re-added by clientDirective; the warning about dropping it is noise.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
