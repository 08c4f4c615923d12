import type { EmulatorOptions } from "@creditkit/emulator";
import { afterAll, beforeEach } from "vitest";
import { startTestEmulator, type TestEmulator } from "./test-emulator.ts";

/**
 * A Vitest file's emulator: started at once (the file awaits it at top level), reset to its seed
 * before each test, closed after the file's last test. Saves every suite the same six lines of
 * setup.
 */
export async function emulatorForFile(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startTestEmulator(options);
  afterAll(() => emu.close());
  beforeEach(async () => {
    await emu.reset();
  });
  return emu;
}
