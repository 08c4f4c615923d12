import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./api-error.ts";

/**
 * `Authorization: Bearer <the seeded key>`, compared in constant time. The answer never
 * repeats what was sent: a wrong key must not end up in a log through the error message.
 */
export function requireApiKey(headers: IncomingHttpHeaders, apiKey: string): void {
  const header = headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const given = Buffer.from(match?.[1] ?? "");
  const expected = Buffer.from(apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, {
      error: "unauthorized",
      message:
        header === undefined ? "missing Authorization header: send Authorization: Bearer sk_test_…" : "invalid API key",
    });
  }
}
