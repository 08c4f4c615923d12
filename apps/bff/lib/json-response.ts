/** JSON answers of the demo's own routes, shaped like the CreditKit contract's. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function jsonError(status: number, code: string, message: string, field?: string): Response {
  return jsonResponse(status, { error: { code, message, ...(field !== undefined && { field }) } });
}
