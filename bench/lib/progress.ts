const started = Date.now();

/** A progress line on stderr with the seconds since the script started (results go to stdout). */
export function progress(message: string): void {
  console.error(`[bench +${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}
