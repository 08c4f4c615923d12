import type { IncomingMessage } from "node:http";

/**
 * The control routes have no auth (tests and tools drive them), so a web page a developer happens
 * to visit must not reach them: neither by a cross-site request (a form or `fetch` to
 * http://127.0.0.1:4010/__emulator/reset) nor by DNS rebinding (its own host name re-pointed at
 * 127.0.0.1, which makes the request "same-origin" to the browser but carries the page's `Host`).
 *
 * Allowed: a request whose `Host` is a loopback name, the bound host or the public URL's host (or
 * has no `Host`), and that is same-origin or not from a browser at all: no `Origin`, or an `Origin`
 * equal to the emulator's own (`http://<Host>` or the public URL's origin); `Sec-Fetch-Site`
 * absent, `none` or `same-origin`. Node's fetch, Playwright's request context and curl send no
 * `Origin`, so the control client and the Playwright helpers are unaffected. Returns why a request
 * is refused, or null.
 */
export function controlRequestRefusal(
  req: IncomingMessage,
  own: { publicUrl: string; boundHost?: string | undefined },
): string | null {
  const host = req.headers.host;
  if (host !== undefined) {
    const hostname = hostnameOf(host);
    if (hostname === null || !allowedHostname(hostname, own)) return "the Host header is not this emulator's";
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return "cross-site requests are refused";
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const ownOrigins = new Set([originOf(own.publicUrl)]);
    if (host !== undefined) ownOrigins.add(originOf(`http://${host}`));
    if (!ownOrigins.has(originOf(origin))) return "requests from another origin are refused";
  }
  return null;
}

function hostnameOf(hostHeader: string): string | null {
  try {
    const url = new URL(`http://${hostHeader}`);
    // "evil.example/x" or "a@b" must not parse into something else.
    const given = hostHeader.toLowerCase();
    if (url.host !== given && `${url.host}:80` !== given) return null;
    return url.hostname;
  } catch {
    return null;
  }
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return "invalid";
  }
}

function allowedHostname(hostname: string, own: { publicUrl: string; boundHost?: string | undefined }): boolean {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname === "[::1]") return true;
  const extra = [hostnameOf(originOf(own.publicUrl).replace(/^https?:\/\//, ""))];
  const bound = own.boundHost;
  // A wildcard bind names no host: only loopback names and the public URL's host are ours then.
  if (bound && bound !== "0.0.0.0" && bound !== "::") extra.push(bound.includes(":") ? `[${bound}]` : bound);
  return extra.some((h) => h !== null && h.toLowerCase() === hostname);
}
