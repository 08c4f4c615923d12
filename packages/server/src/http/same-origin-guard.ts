import { ApiError } from "./api-error.ts";

/** Where a refusal is reported, with the origin expected and the one received (the handler's logger). */
export type RefusalLog = (message: string, fields: Record<string, string | null>) => void;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * CSRF defence for state-changing requests: the browser must tell us the request comes from our
 * own origin. Browsers send `Origin` on every non-GET fetch and `Sec-Fetch-Site` on every request,
 * so a request that carries neither is not from a browser page of ours and is refused as well.
 *
 * One refusal is not an attack but a misconfiguration: the browser says the page and the API share
 * an origin (`Sec-Fetch-Site: same-origin`) and that origin is not `publicOrigin`: the app was
 * opened at another address of the same server (http://127.0.0.1:3000 for http://localhost:3000).
 * Reloading never helps, so it gets its own code and a message naming both addresses.
 */
export function assertSameOrigin(request: Request, publicOrigin: string, log?: RefusalLog): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site")?.toLowerCase() ?? null;
  const refuse = (code: "cross_site_request" | "origin_mismatch", message: string, why: string): never => {
    log?.(why, { expected: publicOrigin, received: origin, secFetchSite: fetchSite });
    throw new ApiError(code, message);
  };
  if (origin === null && fetchSite === null) {
    refuse(
      "cross_site_request",
      "The request's origin could not be verified.",
      "state-changing request refused: it carries neither Origin nor Sec-Fetch-Site",
    );
  }
  if (origin !== null && origin !== publicOrigin && fetchSite === "same-origin") {
    refuse(
      "origin_mismatch",
      `This page's address (${origin}) does not match the app's configured URL (${publicOrigin}).`,
      "request refused: the page's origin is not publicOrigin. Open the app at publicOrigin, or set publicOrigin to the address it is served at",
    );
  }
  if (origin !== null && origin !== publicOrigin) {
    refuse(
      "cross_site_request",
      "Cross-site requests are not allowed.",
      "cross-site request refused: Origin is not publicOrigin",
    );
  }
  if (fetchSite !== null && !ALLOWED_FETCH_SITES.has(fetchSite)) {
    refuse(
      "cross_site_request",
      "Cross-site requests are not allowed.",
      "cross-site request refused: Sec-Fetch-Site is not same-origin",
    );
  }
}

/**
 * A JSON content type is required on state-changing requests: an HTML form cannot send it, so a
 * cross-site form post cannot pass even where Origin checks are weak.
 */
export function assertJsonContentType(request: Request): void {
  const type = request.headers.get("content-type");
  const essence = type?.split(";")[0]?.trim().toLowerCase();
  if (essence !== "application/json") {
    throw new ApiError("json_required", "State-changing requests must be sent as application/json.");
  }
}
