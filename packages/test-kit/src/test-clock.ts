/** A controllable clock for the handler (rate-limit windows, caches, expiry). */
export function testClock(start = Date.now()) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}
