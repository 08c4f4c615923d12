// node-server.ts
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: createApp(process.env).fetch, port, hostname: process.env.HOST ?? "localhost" }, () =>
  console.info(`listening on ${process.env.CREDITKIT_PUBLIC_URL}`),
);
