import type { EmulatorControl, RecordedRequest } from "@creditkit/emulator/control";

/**
 * How many invoices the emulator created. There is ONE rule, the emulator control client's
 * `purchases()`: a successful purchase call with an idempotency key not seen before on that
 * entitlement (a replay of the same key is the same invoice; a faulted or refused call made none).
 */
export async function invoicesCreated(emulator: Pick<EmulatorControl, "purchases">): Promise<number> {
  return (await emulator.purchases()).length;
}

const PURCHASE_CALL = /\/grants\/purchase$/;

/** Every purchase CALL the emulator received (refused, faulted and replayed ones included). */
export function purchaseCalls(emulator: Pick<EmulatorControl, "requests">): Promise<RecordedRequest[]> {
  return emulator.requests({ method: "POST", path: PURCHASE_CALL });
}
