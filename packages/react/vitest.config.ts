import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "react",
    // Components run in jsdom; *.ssr.test.tsx files opt into "node" with a docblock, so they prove
    // server rendering works with no browser globals at all.
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Files share a worker's environment instead of building a jsdom per file (~12 s instead of ~30 s
    // on two cores). Safe because every test cleans up after itself: setup.ts unmounts, clears
    // sessionStorage and the URL; each file closes the emulator it started.
    isolate: false,
  },
});
