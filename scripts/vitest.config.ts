import { defineProject } from "vitest/config";

// Tests of the repository's own tooling: the lint rules that enforce the import boundaries.
export default defineProject({
  test: {
    name: "repo",
    environment: "node",
    include: ["*.test.ts"],
  },
});
