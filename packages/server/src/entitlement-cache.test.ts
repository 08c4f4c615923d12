import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { testClock } from "@creditkit/test-kit/test-clock";
import { describe, expect, it } from "vitest";
import { makeHandler } from "./test-support/make-handler.ts";

const emu = await emulatorForFile();

describe("entitlement cache", () => {
  const detailCalls = async (entitlementId: string) =>
    (await emu.requests()).filter(
      (r) =>
        r.method === "GET" && r.path.startsWith(`/v1/entitlements/${entitlementId}`) && !r.path.includes("/grants"),
    ).length;

  it("costs one entitlement call per page load (balance + grants), per customer", async () => {
    const clock = testClock();
    const client = makeHandler(emu, { now: clock.now });
    const alice = emu.customer("acme-alice").entitlementId;
    const bob = emu.customer("acme-bob").entitlementId;
    await Promise.all([client.get("/catalog"), client.get("/balance"), client.get("/grants")]);
    await client.get("/balance");
    expect(await detailCalls(alice)).toBe(1);
    await client.get("/balance", { as: "acme-bob" });
    expect(await detailCalls(bob)).toBe(1); // never shared across customers
    clock.advance(2001);
    await client.get("/balance");
    expect(await detailCalls(alice)).toBe(2);
  });
});
