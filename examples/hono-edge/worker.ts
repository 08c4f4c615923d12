// worker.ts
import { createApp, type Env } from "./app.ts";

// An edge worker (Cloudflare Workers' module syntax; settings are the worker's bindings). One app
// per isolate: its memory store (purchase records, webhook dedupe, rate limits) is per isolate too.
let app: ReturnType<typeof createApp> | undefined;

export default {
  fetch(request: Request, env: Env): Response | Promise<Response> {
    app ??= createApp(env);
    return app.fetch(request);
  },
};
