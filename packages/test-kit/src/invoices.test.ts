import { describe, expect, it } from "vitest";
import { emulatorForFile } from "./file-emulator.ts";
import { invoicesCreated, purchaseCalls } from "./invoices.ts";

// The one rule every suite counts invoices with, against a real emulator.

const emu = await emulatorForFile();

function buy(idempotencyKey: string, fields: Record<string, unknown> = {}, who = "acme-alice") {
  const { entitlementId } = emu.customer(who);
  return fetch(`${emu.emu.url}/v1/entitlements/${entitlementId}/grants/purchase`, {
    method: "POST",
    headers: { authorization: `Bearer ${emu.emu.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ amount: 1000, price: "10.00", idempotencyKey, ...fields }),
  });
}

describe("invoicesCreated", () => {
  it("counts one invoice per new key: a replay, a faulted call and a refused call make none", async () => {
    expect((await buy("invoice-rule-1")).status).toBe(201);
    expect((await buy("invoice-rule-1")).status).toBe(201); // a replay: the same invoice
    await emu.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", status: 503, times: 1 });
    expect((await buy("invoice-rule-2")).status).toBe(503); // answered by the fault, never processed
    expect((await buy("invoice-rule-3", { amount: -1 })).status).toBe(400);
    expect(await invoicesCreated(emu)).toBe(1);
    expect(await purchaseCalls(emu)).toHaveLength(4);
  });

  it("counts keys per entitlement: the same key for two customers is two invoices", async () => {
    await buy("invoice-rule-4");
    await buy("invoice-rule-4", {}, "acme-bob");
    expect(await invoicesCreated(emu)).toBe(2);
  });
});
