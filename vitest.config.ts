import { defineConfig } from "vitest/config";

// One Vitest run over every package; each package's own vitest.config.ts sets its environment.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "examples/*/vitest.config.ts",
      "scripts/vitest.config.ts",
    ],
  },
});
