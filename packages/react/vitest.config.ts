import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "react",
    // Components run in jsdom; *.ssr.test.tsx files opt into "node" with a docblock, so they prove
    // server rendering works with no browser globals at all.
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
