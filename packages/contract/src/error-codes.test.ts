import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "./error-codes.ts";

describe("ERROR_CODES", () => {
  it("answers nothing a caller did wrong with a 5xx, and every upstream or store trouble with one", () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      const serverSide = code === "internal_error" || code.startsWith("upstream_") || code.endsWith("_unavailable");
      expect(status >= 500, code).toBe(serverSide || code === "payment_url_rejected");
    }
  });
});
