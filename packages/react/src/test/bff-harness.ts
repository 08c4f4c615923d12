import { createTopUpHandler, type TopUpConfig } from "@creditkit/server";
import { type Bff as BrowserBff, startBff as startBrowserBff } from "@creditkit/test-kit/browser-bff";
import { afterAll, beforeEach } from "vitest";

/**
 * The widget tests' BFF: test-kit's browser bridge (a real emulator, real Requests) bound to the
 * real handler. The binding lives here because test-kit cannot import @creditkit/server.
 */

export { BASE_PATH, EMPTY_SEED } from "@creditkit/test-kit/browser-bff";
export { DEMO_CATALOG as CATALOG } from "@creditkit/test-kit/demo-catalog";
export { invoicesCreated } from "@creditkit/test-kit/invoices";

export type Bff = BrowserBff<Partial<TopUpConfig>>;

export function startBff(options?: Parameters<typeof startBrowserBff>[1]): Promise<Bff> {
  return startBrowserBff(
    (base, overrides: Partial<TopUpConfig> = {}) => createTopUpHandler({ ...base, ...overrides }),
    options,
  );
}

/**
 * A test file's BFF: started at once (the file awaits it at top level), reset before each test (a
 * fresh handler, store and emulator seed), closed after the file's last test. The same six setup
 * lines every widget suite used to repeat.
 */
export async function bffForFile(
  options?: Parameters<typeof startBff>[0],
  { resetEach = true }: { resetEach?: boolean } = {},
): Promise<Bff> {
  const bff = await startBff(options);
  afterAll(() => bff.close());
  if (resetEach) beforeEach(() => bff.reset());
  return bff;
}

/** The signed-in customer's balance as the BFF answers it right now (what the widget must show). */
export async function liveBalance(bff: Bff): Promise<number> {
  return ((await (await bff.fetch("/api/topup/balance")).json()) as { balance: number }).balance;
}
