import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler } from "./handler-client.ts";

/** Serves a handler over real HTTP on 127.0.0.1:0 (for the emulator's webhook deliveries and load). */
export async function serveHandler(handler: Handler, onResponse?: (path: string, status: number) => void) {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? null : Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
    onResponse?.(req.url ?? "", response.status);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
