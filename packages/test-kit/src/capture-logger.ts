type Log = (message: string, fields?: Record<string, unknown>) => void;

/** Collects log lines so tests can check that nothing secret is logged (a TopUpLogger by shape). */
export function captureLogger() {
  const lines: string[] = [];
  const push =
    (level: string): Log =>
    (message, fields) => {
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    };
  const logger = { info: push("info"), warn: push("warn"), error: push("error") };
  return { logger, lines };
}
