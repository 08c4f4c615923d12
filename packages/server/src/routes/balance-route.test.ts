import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { describe, expect, it } from "vitest";
import { makeHandler } from "../test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("GET /balance", () => {
  it("answers the live balance of the signed-in customer's entitlement", async () => {
    const alice = emu.customer("acme-alice");
    const res = await makeHandler(emu).get("/balance");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      entitlementId: alice.entitlementId,
      balance: expect.any(Number),
      usageInPeriod: expect.any(Number),
      overage: expect.any(Number),
      hasAccess: expect.any(Boolean),
      isSoftLimit: false,
      currentPeriodStart: expect.any(String),
      currentPeriodEnd: expect.any(String),
    });
  });

  it("reads each customer's own entitlement", async () => {
    const client = makeHandler(emu);
    const bob = await client.get("/balance", { as: "acme-bob" });
    expect(bob.json.entitlementId).toBe(emu.customer("acme-bob").entitlementId);
  });
});
