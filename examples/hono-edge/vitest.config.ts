import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "example-hono-edge",
    environment: "node",
    include: ["tests/**/*.test.ts"],
  },
});
