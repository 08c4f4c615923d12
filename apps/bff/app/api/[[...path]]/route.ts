import { jsonError } from "../../../lib/json-response.ts";

/**
 * /api and any /api path no route claims: the contract's JSON 404, as an API client expects, instead of the
 * HTML not-found page. More specific routes (/api/topup/…, /api/health, /api/demo/session) win.
 */
export const dynamic = "force-dynamic";

function notFound(): Response {
  return jsonError(404, "not_found", "There is nothing here.");
}

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
