import { EdgeRuntime, runServer } from "edge-runtime";
import { build } from "esbuild";

/**
 * Edge runtimes (Vercel Edge, Cloudflare Workers) have the web platform and no Node built-ins.
 * These helpers run code the way they do: bundled for the browser platform (any `node:*` import
 * fails the build), then run in Vercel's edge-runtime sandbox (no `process`, `Buffer` or `require`).
 */

/** `entry` bundled into one script that defines `globalName` (its exports). */
export async function bundleForEdge(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface EdgeWorkerServer {
  url: string;
  runtime: EdgeRuntime;
  close(): Promise<void>;
}

/**
 * Serves a module worker (`export default { fetch(request, env) }`, Cloudflare's shape) over HTTP
 * on 127.0.0.1 from inside the edge-runtime sandbox, with `env` as its bindings. `port` 0 = any.
 */
export async function serveWorkerOnEdge(
  entry: string,
  env: Record<string, string>,
  port = 0,
): Promise<EdgeWorkerServer> {
  const bundle = await bundleForEdge(entry, "__worker");
  const runtime = new EdgeRuntime({
    initialCode: `${bundle}
      const __env = ${JSON.stringify(env)};
      addEventListener("fetch", (event) => event.respondWith(__worker.default.fetch(event.request, __env)));`,
  });
  const server = await runServer({ runtime, port, host: "127.0.0.1" });
  return { url: server.url.replace(/\/$/, ""), runtime, close: () => server.close() };
}
