import { configDefaults, defineProject } from "vitest/config";

/**
 * The purchase test serves @creditkit/react's built script (dist/creditkit-top-up.js, from
 * `pnpm build`); `pnpm check`, which builds nothing, leaves it out (CREDITKIT_WITHOUT_BUILD=1), as
 * apps/bff does with its build's tests.
 */
const NEEDS_BUILD = ["tests/purchase.test.ts"];
const withoutBuild = process.env.CREDITKIT_WITHOUT_BUILD === "1";

export default defineProject({
  test: {
    name: "example-plain-html",
    environment: "node",
    include: ["tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(withoutBuild ? NEEDS_BUILD : [])],
    // One server, one browser, a purchase paid and one cancelled.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
