// @ts-check
/**
 * The production server's timeouts (../server.mjs), from the environment, in milliseconds. A value
 * that is not a positive whole number stops the server at start-up, naming the variable.
 */

export const TIMEOUT_DEFAULTS = {
  CREDITKIT_REQUEST_TIMEOUT_MS: 30_000,
  CREDITKIT_HEADERS_TIMEOUT_MS: 10_000,
  CREDITKIT_KEEP_ALIVE_TIMEOUT_MS: 5_000,
};

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ requestTimeoutMs: number, headersTimeoutMs: number, keepAliveTimeoutMs: number, checkIntervalMs: number }}
 */
export function serverTimeouts(env) {
  /** @param {keyof typeof TIMEOUT_DEFAULTS} name */
  const read = (name) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return TIMEOUT_DEFAULTS[name];
    if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) {
      throw new Error(`${name} must be a positive number of milliseconds, e.g. ${TIMEOUT_DEFAULTS[name]}`);
    }
    return Number(raw);
  };
  const requestTimeoutMs = read("CREDITKIT_REQUEST_TIMEOUT_MS");
  // Node refuses a header timeout above the request timeout: the whole request bounds its headers.
  const headersTimeoutMs = Math.min(read("CREDITKIT_HEADERS_TIMEOUT_MS"), requestTimeoutMs);
  const keepAliveTimeoutMs = read("CREDITKIT_KEEP_ALIVE_TIMEOUT_MS");
  // Node checks for overdue requests on an interval (default 30 s); a quarter of the shorter
  // timeout, at most 1 s, keeps the bound close to what is configured.
  const checkIntervalMs = Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4)));
  return { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, checkIntervalMs };
}
