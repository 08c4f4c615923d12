import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import { expect } from "vitest";

/**
 * What the widget does, over HTTP against a running app: read the balance, buy the starter pack
 * (same-origin JSON from the app's own origin), pay on the emulator's hosted page, and see the
 * purchase `paid` and the balance 1,000 credits higher.
 */
export async function buyAPack(appUrl: string, emu: TestEmulator): Promise<void> {
  const api = `${appUrl}/api/topup`;
  const balance = async () => ((await (await fetch(`${api}/balance`)).json()) as { balance: number }).balance;
  const before = await balance();
  const created = await fetch(`${api}/purchases`, {
    method: "POST",
    headers: {
      origin: appUrl,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
      "idempotency-key": "example-attempt-1",
    },
    body: JSON.stringify({ packId: "starter" }),
  });
  const purchase = await created.json();
  expect(created.status, JSON.stringify(purchase)).toBe(201);
  await emu.session(purchase.paymentUrl, "complete");
  await expect
    .poll(async () => (await (await fetch(`${api}/purchases/${purchase.purchaseId}`)).json()).status, {
      timeout: 15_000,
    })
    .toBe("paid");
  expect(await balance()).toBe(before + 1000);
}
