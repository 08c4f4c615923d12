import { createTopUpHandler, type TopUpConfig } from "@creditkit/server";
import { type Bff as BrowserBff, startBff as startBrowserBff } from "@creditkit/test-kit/browser-bff";

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
