import { vi } from "vitest";
import { DEFAULT_POLLING } from "../core/polling.ts";

/**
 * Fake time for tests of the purchase watch's budget, instead of real budgets of a few dozen
 * milliseconds that race the real handler's I/O. Faked: `Date` (the watch's clock and React Query's
 * answer stamps, see core/clock.ts) and intervals (React Query polls with one). Left real: timeouts
 * and immediates, which the handler, the emulator and React run on, so real I/O still completes.
 * `shouldAdvanceTime` keeps fake time moving with real time between the test's own jumps, so
 * Testing Library's waitFor (which polls on an interval too) and the widget's checks keep running.
 * Undo with `vi.useRealTimers()` after each test.
 */
export function fakeClock(): void {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"], shouldAdvanceTime: true });
}

/**
 * With the fake clock: the polling budget passes while the purchase stays pending. The clock jumps
 * to the budget's end, then the check already scheduled runs, so its answer comes at or after the
 * deadline: the watch times out on that answer's time.
 */
export async function passPollingBudget(timeoutMs = DEFAULT_POLLING.timeoutMs): Promise<void> {
  vi.setSystemTime(Date.now() + timeoutMs);
  await vi.advanceTimersToNextTimerAsync();
}
