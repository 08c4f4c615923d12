/**
 * Where the widget reads the time: the purchase watch's budget and the check for a lapsed payment
 * session (TanStack Query's timeoutManager is, likewise, where it sets timers).
 *
 * It calls `Date.now` on every read instead of keeping a reference taken at import, on purpose: the
 * watch compares its times with React Query's answer stamps (`dataUpdatedAt`, `errorUpdatedAt`),
 * which are `Date.now` too, and two clocks that can disagree are how 69a4524's bug happened. So the
 * way to move time in a test is to move both, with Vitest's fake timers:
 * `vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] })`.
 */
export const clock = {
  now: (): number => Date.now(),
};
