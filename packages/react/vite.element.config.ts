import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * The `<creditkit-top-up>` custom element, built from the React widget's own code with Preact as
 * its renderer (preact/compat stands in for react and react-dom: React 19 + react-dom alone would
 * be ~60 kB gzip, over the element's 40 kB budget). Everything is bundled: Preact, React Query, the
 * widget, the German messages and the stylesheet. Two files from one entry: `dist/element.js` (ES
 * module, `@creditkit/react/element`) and `dist/creditkit-top-up.js` (a classic script, for a
 * `<script src>`). Runs after the main build (which empties dist/).
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
      { find: /^react-dom$/, replacement: "preact/compat" },
      { find: /^react\/jsx-runtime$/, replacement: "preact/compat/jsx-runtime" },
      { find: /^react\/jsx-dev-runtime$/, replacement: "preact/compat/jsx-dev-runtime" },
      { find: /^react$/, replacement: "preact/compat" },
    ],
  },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: src("element/index.ts"),
      name: "CreditKitTopUp",
      formats: ["es", "iife"],
      fileName: (format) => (format === "es" ? "element.js" : "creditkit-top-up.js"),
    },
    rolldownOptions: {
      // Vite leaves ES library output unminified (for the consumer's tree-shaking); this bundle is
      // final, so both files are minified.
      output: { minify: true },
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
