// @ts-check
/**
 * The reference app's production server: `next start`, plus what `next start` cannot do.
 *
 * Why a server of our own (the decision, also in the README): Next.js 16 mishandles a few requests
 * before any code of the app runs. next.config has no setting for them, and the proxy cannot help:
 * it is skipped for /api, and for `TRACE` building its own request is what fails (the 500's stack).
 * - a path with a malformed percent-escape (`/api/topup/%E0%A4%A`): its router fails to decode the
 *   catch-all segment (500 text/plain, nothing logged);
 * - `TRACE` (anywhere): Next builds a WHATWG `Request`, which refuses the method (500, stack in the log);
 * - `CONNECT`: Node hands it to a `connect` listener, and without one the socket is just dropped;
 * - a `__proto__` query parameter vanishes in Next's query parsing, so the BFF never sees the key
 *   it promises to refuse (docs/SECURITY.md);
 * - a form POST to a page: Next looks for a Server Action (this app has none) and logs a stack
 *   trace for each such request;
 * - a slowly sent body holds a connection for Node's default 300 s, and `next start` sets no
 *   request or header timeout.
 * This file is the documented "custom server" of Next.js (`next({ dev: false })` +
 * `getRequestHandler()`), a thin node:http server around Next's own request handler: it answers
 * exactly those requests itself (4xx, JSON under /api, a small page elsewhere), sets Node's server
 * timeouts, and hands everything else to Next unchanged. Plain JavaScript, so production runs it with
 * `node server.mjs` and no build step; the checks sit in ./server/refusals.mjs. For a merchant copying
 * the app this is the least surprising fix: Next's own extension point, `next build` untouched, two
 * files to copy, no patched dependency and no second process in front.
 *
 *   node server.mjs [-H host] [-p port]       (PORT and HOSTNAME work too, as with `next start`)
 *
 * Timeouts (milliseconds, from the environment):
 * - CREDITKIT_REQUEST_TIMEOUT_MS (default 30000): the whole request, headers and body, must arrive
 *   within it, else 408 and the connection is closed (Node's default is 300000);
 * - CREDITKIT_HEADERS_TIMEOUT_MS (default 10000, at most the request timeout): the headers alone;
 * - CREDITKIT_KEEP_ALIVE_TIMEOUT_MS (default 5000, Node's): how long an idle keep-alive connection
 *   stays open; behind a load balancer set it above the balancer's idle timeout.
 */
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { clientErrorAnswer, refusal, serialize, writeAnswer } from "./server/refusals.mjs";
import { serverTimeouts } from "./server/timeouts.mjs";

/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values: args } = parseArgs({
  options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
});
const hostname = args.hostname ?? process.env.HOSTNAME ?? undefined;
const port = Number(args.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("PORT (or -p) must be a port number (0-65535)");
  process.exit(2);
}

let timeouts;
try {
  timeouts = serverTimeouts(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

// Loaded after NODE_ENV is set: React picks its production build when first required.
const { default: next } = await import("next");
/** @type {ReturnType<typeof next>} */
let app;
/** @type {ReturnType<ReturnType<typeof next>["getRequestHandler"]>} */
let handle;
/**
 * The response each connection is working on, so that a client error (a timeout) mid-request knows
 * whether an answer may still be written and where the request was going.
 * @type {WeakMap<import("node:net").Socket, import("node:http").ServerResponse>}
 */
const inFlight = new WeakMap();

const server = createServer(
  {
    requestTimeout: timeouts.requestTimeoutMs,
    headersTimeout: timeouts.headersTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    // How often Node looks for requests over their timeout (its default, 30 s, would let a 2 s
    // request timeout fire only after up to 30 s).
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  },
  async (req, res) => {
    inFlight.set(req.socket, res);
    res.once("finish", () => {
      if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
    });
    const refused = refusal(req.method ?? "", req.url ?? "", req.headers);
    if (refused) {
      writeAnswer(res, refused);
      return;
    }
    try {
      await handle(req, res);
    } catch (error) {
      // What `next start` does with an error its handler did not answer.
      console.error(`Failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    }
  },
);

// CONNECT (a proxy tunnel) is no request for this app: 405, not a silently dropped socket.
server.on("connect", (req, socket) => {
  socket.on("error", () => socket.destroy());
  socket.end(serialize(refusal("CONNECT", req.url ?? "/") ?? clientErrorAnswer({ code: "" }, "")));
});
// Requests Node's parser refuses (an unknown method, a malformed request line or header, headers
// too large) or that ran out of time: a 4xx answer of the same shape, then the connection closes.
server.on("clientError", (error, /** @type {import("node:net").Socket} */ socket) => {
  const code = /** @type {{ code?: string }} */ (error).code ?? "";
  const res = inFlight.get(socket);
  // As Node does: answer only if no answer to this request has begun, else just close.
  if (code === "ECONNRESET" || !socket.writable || res?.headersSent) {
    socket.destroy();
    return;
  }
  const raw = /** @type {{ rawPacket?: Buffer }} */ (error).rawPacket;
  const answer = clientErrorAnswer({ code }, raw ? raw.subarray(0, 8192).toString("latin1") : "", res?.req.url);
  socket.on("error", () => socket.destroy());
  socket.end(serialize(answer), () => socket.destroy());
});

// Next attaches its own upgrade (WebSocket) listener to `httpServer`, as it does under `next start`.
app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), hostname, port, httpServer: server });
await app.prepare();
handle = app.getRequestHandler();
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  console.info(`▲ CreditKit reference app (Next.js) ready on http://${shown}`);
});

// Graceful stop, as `next start` does: no new connections, running requests finish, then exit.
let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch(console.error)
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
  });
}
