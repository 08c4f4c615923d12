import { createServer } from "node:http";
import { proxyTo } from "./bare-proxy.ts";

/** One upstream call as the relay saw it: from its request arriving to its answer's last byte. */
export interface RelayedCall {
  method: string;
  path: string;
  status: number;
  /** Epoch ms (with fraction) when the request arrived. */
  startedAt: number;
  ms: number;
}

/**
 * Sits between the BFF and the emulator and times every upstream call, so a benchmark can
 * subtract "the upstream call's own time" from what the BFF took, per request, without adding
 * any timing code to the BFF. `GET /__relay/calls` returns the calls since the last read.
 *
 *   node --import tsx bench/lib/timing-relay.ts <target>
 */
const target = process.argv[2];
if (!target) throw new Error("usage: timing-relay.ts <target URL>");
const forward = proxyTo(target);
let calls: RelayedCall[] = [];
const origin = performance.timeOrigin;

const server = createServer((req, res) => {
  if (req.url === "/__relay/calls") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(calls));
    calls = [];
    return;
  }
  const started = performance.now();
  res.on("finish", () => {
    calls.push({
      method: req.method ?? "",
      path: req.url ?? "",
      status: res.statusCode,
      startedAt: origin + started,
      ms: performance.now() - started,
    });
  });
  forward(req, res);
});
server.keepAliveTimeout = 5_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (typeof address === "object" && address) console.info(`timing relay ready at http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
