import { Client, handlerConfig } from "@creditkit/test-kit/handler-client";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import type { TopUpConfig } from "../config/config-types.ts";
import { createTopUpHandler } from "../handler.ts";

/**
 * The handler under test against a test emulator, with test-kit's config; every call gets a fresh
 * store and caches. It lives here rather than in test-kit because test-kit must not import the
 * server (the server's tests use test-kit: that would be a workspace cycle).
 */
export function makeHandler(emu: TestEmulator, overrides: Partial<TopUpConfig> = {}): Client {
  return new Client(createTopUpHandler({ ...handlerConfig(emu), ...overrides }));
}
