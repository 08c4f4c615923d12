import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";

// Testing Library only cleans up by itself with Vitest globals; we do not use them. Server-render test
// files run in the node environment, where there is no DOM to clean.
if (typeof document !== "undefined") {
  const { cleanup } = await import("@testing-library/react");
  afterEach(() => {
    cleanup();
    window.sessionStorage.clear();
    window.history.replaceState(null, "", "/");
  });
}
