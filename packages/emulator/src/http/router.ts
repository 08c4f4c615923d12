/** A route table matched segment by segment; `:name` captures one segment. */

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

export type RouteMatch<H> =
  | { kind: "found"; handler: H; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: string[] }
  | { kind: "not_found" };

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split("/").slice(1), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    const parts = pathname.split("/").slice(1);
    const allow: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params === undefined) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET"))
        return { kind: "found", handler: route.handler, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: "method_not_allowed", allow } : { kind: "not_found" };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const part = parts[i] as string;
    if (p.startsWith(":")) {
      if (part === "") return undefined;
      try {
        params[p.slice(1)] = decodeURIComponent(part);
      } catch {
        params[p.slice(1)] = part;
      }
    } else if (p !== part) return undefined;
  }
  return params;
}
