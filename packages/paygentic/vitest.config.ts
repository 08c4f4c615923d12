import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "paygentic",
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
