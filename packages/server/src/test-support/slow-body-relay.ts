import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback relay in front of the emulator that can answer with a SLOW BODY: status and headers
 * at once, half the body, then the rest only after `stallMs`. The emulator's faults cannot do
 * this (its delayMs holds the whole answer, headers included), and a client that stops its timer
 * once headers arrive would wait forever on such a body. Everything else passes through untouched,
 * and the emulator still records every request.
 */
export interface SlowBodyRelay {
  url: string;
  /** Stall the bodies of requests matching `method` ("*": any) and the glob `path` (`*` one segment, `**` any). */
  stall(rule: { method: string; path: string; stallMs: number }): void;
  clear(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

export async function startSlowBodyRelay(target: string): Promise<SlowBodyRelay> {
  let rule: { method: string; pattern: RegExp; stallMs: number } | null = null;
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host") headers.set(k, v);
    let upstream: Response;
    let body: Buffer;
    try {
      upstream = await fetch(`${target}${req.url}`, {
        method: req.method ?? "GET",
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : null,
      });
      body = Buffer.from(await upstream.arrayBuffer());
    } catch {
      req.socket.resetAndDestroy(); // the emulator reset the connection: so does the relay
      return;
    }
    const pathname = (req.url ?? "/").split("?")[0]!;
    const slow = rule !== null && (rule.method === "*" || rule.method === req.method) && rule.pattern.test(pathname);
    const out: Record<string, string> = {};
    for (const [k, v] of upstream.headers) if (!HOP_BY_HOP.has(k)) out[k] = v;
    res.writeHead(upstream.status, { ...out, "content-length": String(body.length) });
    if (!slow) {
      res.end(body);
      return;
    }
    const half = Math.floor(body.length / 2);
    res.write(body.subarray(0, half));
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) res.end(body.subarray(half));
    }, rule!.stallMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stall: ({ method, path, stallMs }) => {
      rule = { method: method.toUpperCase(), pattern: globToRegExp(path), stallMs };
    },
    clear: () => {
      rule = null;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  return new RegExp(`^${source}$`);
}
