// creditkit-fastify.ts
import type { TopUpHandler } from "@creditkit/server";
import { toNodeHandler } from "@creditkit/server/node";
import type { FastifyInstance } from "fastify";

/** CreditKit on Fastify: `await app.register(creditKit(topUp))`. */
export function creditKit(handler: TopUpHandler) {
  const serve = toNodeHandler(handler);
  return async (scope: FastifyInstance) => {
    // CreditKit reads the body itself (its size limit; the webhook's signature is over the raw
    // bytes), so no Fastify body parser in this plugin's scope: the stream is left unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    scope.all("/api/topup/*", (request, reply) => {
      reply.hijack(); // the adapter writes the response
      return serve(request.raw, reply.raw);
    });
  };
}
