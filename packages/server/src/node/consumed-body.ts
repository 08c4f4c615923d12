import type { IncomingMessage } from "node:http";

/** Whether the request says a body follows (a length above zero, or a chunked body). */
export function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/**
 * Whether something before the adapter already read the request's body: a body parser
 * (express.json(), express.raw(), body-parser, multer…) drains the stream and, for body-parser,
 * sets `req._body`. The handler must read the bytes itself: it parses JSON under its own size
 * limit and verifies webhook signatures over the exact raw body, which a parsed object cannot give
 * back. A request that declares no body is fine either way.
 */
export function bodyAlreadyRead(req: IncomingMessage): boolean {
  if (!declaresBody(req)) return false;
  return (req as { _body?: unknown })._body === true || req.readableEnded || req.readableDidRead;
}

/** The log line that says what to change (the mount path as the merchant wrote it, when known). */
export function bodyAlreadyReadAdvice(req: IncomingMessage & { baseUrl?: string }, mountPath: string): string {
  const mount = req.baseUrl || mountPath;
  return (
    `CreditKit could not read the body of ${req.method} ${mount}…: another middleware (express.json(), ` +
    "express.urlencoded(), express.raw(), body-parser, multer…) read it first. Mount CreditKit before any body " +
    `parser: app.use("${mount}", toNodeHandler(handler)) above app.use(express.json()), or give the parser ` +
    "only your own routes. Purchases and webhooks fail until this is changed."
  );
}
