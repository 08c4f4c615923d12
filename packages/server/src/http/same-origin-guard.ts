import { ApiError } from "./api-error.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * CSRF defence for state-changing requests: the browser must tell us the request comes from our
 * own origin. Browsers send `Origin` on every non-GET fetch and `Sec-Fetch-Site` on every request,
 * so a request that carries neither is not from a browser page of ours and is refused as well.
 */
export function assertSameOrigin(request: Request, publicOrigin: string): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin === null && fetchSite === null) {
    throw new ApiError("cross_site_request", "The request's origin could not be verified.");
  }
  if (origin !== null && origin !== publicOrigin) {
    throw new ApiError("cross_site_request", "Cross-site requests are not allowed.");
  }
  if (fetchSite !== null && !ALLOWED_FETCH_SITES.has(fetchSite.toLowerCase())) {
    throw new ApiError("cross_site_request", "Cross-site requests are not allowed.");
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
