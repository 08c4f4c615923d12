import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "../test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("GET /catalog", () => {
  it("serves the server-side catalog with normalised prices and the custom rules", async () => {
    const res = await makeHandler(emu).get("/catalog");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.json).toEqual({
      currency: "USD",
      packs: [
        { id: "starter", credits: 1000, price: "10.00", label: "Starter" },
        { id: "growth", credits: 5000, price: "45.00", label: "Growth", badge: "Save 10%" },
        { id: "scale", credits: 20000, price: "160.00", label: "Scale", badge: "Best value" },
      ],
      custom: { minCredits: 500, maxCredits: 100000, step: 100, unitPrice: "0.01", minPrice: "0.50" },
    });
  });

  it("answers custom: null when the catalog has packs only", async () => {
    const client = makeHandler(emu, {
      catalog: { currency: "USD", packs: [{ id: "one", credits: 10, price: "1", label: "One" }] },
    });
    expect((await client.get("/catalog")).json).toMatchObject({ custom: null, packs: [{ price: "1.00" }] });
  });
});
