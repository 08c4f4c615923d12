import type { ServerResponse } from "node:http";

/**
 * Writes a web Response to a Node response: every `set-cookie` as its own header line (a joined
 * `set-cookie` is unreadable to browsers), no body for HEAD (the handler answers HEAD as GET), and
 * the body streamed with backpressure (waits for 'drain'). `keepAlive: false` closes the
 * connection after the answer: set when the request body was not read to its end (an oversized
 * body refused mid-stream), so Node does not read and discard the rest of it.
 */
export async function writeResponse(
  response: Response,
  res: ServerResponse,
  options: { head: boolean; keepAlive: boolean },
): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!options.keepAlive) res.setHeader("connection", "close");

  if (options.head || response.body === null) {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        res.end();
        return;
      }
      if (!res.write(value)) await drainedOrClosed(res);
      if (res.destroyed) {
        // The client left: stop producing the rest of the body.
        await reader.cancel().catch(() => {});
        return;
      }
    }
  } catch (error) {
    // The body failed mid-way: the status line is already sent, so the honest end is a cut connection.
    res.destroy(error instanceof Error ? error : undefined);
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
