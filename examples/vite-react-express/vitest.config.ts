import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "example-vite-react-express",
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // One build of the SPA, one server, one browser, one purchase.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
