import { configDefaults, defineProject } from "vitest/config";

/**
 * Tests that read apps/bff's production build (`.next`, from `pnpm build`). `npm test` and
 * `pnpm test:unit` run them, and they fail by name when the build is missing. `pnpm check`, the inner
 * loop that builds nothing, leaves them out (CREDITKIT_WITHOUT_BUILD=1): they would test a missing
 * or stale build, not the code being edited.
 */
const NEEDS_BUILD = ["tests/full-server.test.ts", "tests/static-bundle.test.ts", "tests/any-request.test.ts"];
const withoutBuild = process.env.CREDITKIT_WITHOUT_BUILD === "1";
if (withoutBuild) console.info(`bff: left out without a build (npm test runs them): ${NEEDS_BUILD.join(", ")}`);

export default defineProject({
  test: {
    name: "bff",
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(withoutBuild ? NEEDS_BUILD : [])],
  },
});
