import type { IncomingMessage } from "node:http";

export type BodyResult = { kind: "ok"; text: string } | { kind: "too_large" };

/** Past this much we stop draining an oversized body and drop the connection. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. An oversized body is drained (and discarded) so
 * that the client can read the 413 answer; a body so large that draining it is abuse gets the
 * socket destroyed instead.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) {
        req.destroy();
        return;
      }
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(tooLarge ? { kind: "too_large" } : { kind: "ok", text: Buffer.concat(chunks).toString("utf8") }),
    );
    req.on("error", () => resolve({ kind: "too_large" }));
    req.on("close", () => {
      if (!req.complete) resolve({ kind: "too_large" });
    });
  });
}
