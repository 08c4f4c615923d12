import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "bff",
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
  },
});
