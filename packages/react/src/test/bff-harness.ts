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

/**
 * The widget tests turn the BFF's purchase-status cache off (`purchaseStatusCacheMs: 0`, the
 * server's default is 1 s): they pay at the emulator between two polls and expect the widget to show
 * `paid` at the next one, which is the widget's behaviour under test. With the cache the BFF would
 * repeat its last answer for up to a second, so those tests would measure the cache instead. The
 * cache has its own tests in @creditkit/server (handler.upstream-reads.test.ts); a widget test about
 * it can still pass `purchaseStatusCacheMs` through `reset(overrides)`.
 */
const WIDGET_TEST_DEFAULTS: Partial<TopUpConfig> = { purchaseStatusCacheMs: 0 };

export function startBff(options?: Parameters<typeof startBrowserBff>[1]): Promise<Bff> {
  return startBrowserBff(
    (base, overrides: Partial<TopUpConfig> = {}) =>
      createTopUpHandler({ ...base, ...WIDGET_TEST_DEFAULTS, ...overrides }),
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
