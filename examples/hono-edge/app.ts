// app.ts
import { createRedisRestStore, createTopUpHandler } from "@creditkit/server";
import { Hono } from "hono";

/** The settings, from process.env on Node or from the worker's bindings on an edge runtime. */
export type Env = Record<string, string | undefined>;

// Stand-in for YOUR session lookup (null when nobody is signed in → 401): everyone is the
// emulator's demo customer Alice here, so the example runs as is against `pnpm emulator`.
async function currentCustomer(_request: Request) {
  return { customerId: "cus_demoalice", entitlementId: "ent_demoalice" };
}

export function createApp(env: Env) {
  const topUp = createTopUpHandler({
    paygentic: { apiKey: env.PAYGENTIC_API_KEY ?? "", baseUrl: env.PAYGENTIC_BASE_URL ?? "" },
    catalog: { currency: "USD", packs: [{ id: "starter", credits: 1000, price: "10.00", label: "Starter" }] },
    resolveCustomer: currentCustomer,
    publicOrigin: env.CREDITKIT_PUBLIC_URL ?? "",
    basePath: "/api/topup",
    paymentHosts: (env.PAYMENT_HOSTS ?? "").split(","),
    webhookSecret: env.PAYGENTIC_WEBHOOK_SECRET || undefined,
    // One store for every instance (on an edge runtime, every isolate): Redis over HTTPS, e.g. Upstash.
    store: env.REDIS_REST_URL
      ? createRedisRestStore({ url: env.REDIS_REST_URL, token: env.REDIS_REST_TOKEN ?? "" })
      : undefined, // in memory: per process, or per isolate on the edge
  });
  const app = new Hono();
  // Hono hands the handler the web Request as it came: no adapter, no body parsing in between.
  app.all("/api/topup/*", (c) => topUp(c.req.raw));
  return app;
}
