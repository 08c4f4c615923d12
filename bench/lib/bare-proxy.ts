import { Agent, createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The floor any proxy pays: a bare node:http reverse proxy with kept-alive upstream connections,
 * streaming the request and the answer through untouched. No parsing, no validation, no framework.
 */
export function createBareProxy(target: string): Server {
  return createServer(proxyTo(target));
}

/** The proxying request handler itself (the timing relay wraps it). */
export function proxyTo(target: string): ProxyHandler {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  return (req, res) => {
    const forward = request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  };
}

// Run as its own process (the benchmark gives it its own event loop, as a real proxy has):
//   node --import tsx bench/lib/bare-proxy.ts <target>
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const target = process.argv[2];
  if (!target) throw new Error("usage: bare-proxy.ts <target URL>");
  const server = createBareProxy(target);
  server.keepAliveTimeout = 5_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (typeof address === "object" && address) console.info(`bare proxy ready at http://127.0.0.1:${address.port}`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
