import type { ServerResponse } from "node:http";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), "application/json; charset=utf-8", headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  // The client may have gone away while a delayed answer waited.
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Resolves after `ms` on a tracked timer (so close() can cancel it). */
export function wait(timers: { after(ms: number, fn: () => void): void }, ms: number): Promise<void> {
  return new Promise((resolve) => timers.after(ms, resolve));
}
