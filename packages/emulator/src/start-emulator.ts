import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DateTime, WEBHOOK_SECRET_PATTERN } from "@creditkit/paygentic";
import { z } from "zod";
import { DEFAULT_HOST, DEFAULT_PAYMENT_EXPIRES_IN_MS, DEMO_WEBHOOK_SECRET } from "./constants.ts";
import { EmulatorCore, type SeedInfo } from "./emulator-core.ts";
import { createRequestListener } from "./http/request-listener.ts";
import type { EmulatorLogger } from "./runtime.ts";
import type { SeedDefinition } from "./seed/seed-schema.ts";

export interface EmulatorOptions {
  /** Default 0 (a free port); the CLI defaults to 4010. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** "demo" (default), a seed object, or the path of a JSON seed file. */
  seed?: "demo" | SeedDefinition | string;
  /** invoice.paid.v0 is delivered to each. */
  webhookUrls?: string[];
  /** "whsec_<base64>"; default DEMO_WEBHOOK_SECRET. */
  webhookSecret?: string;
  /** Default 0: the grant appears this long after Pay (the redirect happens at once). */
  settleDelayMs?: number;
  /** Default 24 h: for payment sessions created without paymentExpiresAt. */
  paymentExpiresInMs?: number;
  /** Start the clock at this instant (default: real time). */
  now?: string;
  /** Ids from a counter instead of crypto randomness. */
  deterministic?: boolean;
  /** Origin used in payment URLs; default the listening http://host:port. */
  publicUrl?: string;
  logger?: EmulatorLogger;
}

export interface Emulator {
  /** "http://127.0.0.1:<port>" */
  url: string;
  /** The seeded merchant's secret key, "sk_test_…". */
  apiKey: string;
  merchantId: string;
  webhookSecret: string;
  server: Server;
  seedInfo(): SeedInfo;
  /** Closes the server, keep-alive sockets, timers and pending webhook retries. */
  close(): Promise<void>;
}

const HttpUrl = z.url({ protocol: /^https?$/ });
const Options = z.object({
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  webhookUrls: z.array(HttpUrl).optional(),
  webhookSecret: z.string().regex(WEBHOOK_SECRET_PATTERN, "must be whsec_ followed by base64").optional(),
  settleDelayMs: z.number().int().min(0).max(3_600_000).optional(),
  paymentExpiresInMs: z.number().int().positive().optional(),
  now: DateTime.optional(),
  deterministic: z.boolean().optional(),
  publicUrl: HttpUrl.optional(),
});

/** Starts a local Paygentic on a loopback port and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const checked = Options.safeParse(options);
  if (!checked.success) {
    const fields = checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new TypeError(`invalid emulator options: ${fields}`);
  }
  const host = options.host ?? DEFAULT_HOST;
  const webhookSecret = options.webhookSecret ?? DEMO_WEBHOOK_SECRET;
  const config = {
    publicUrl: "",
    host,
    settleDelayMs: options.settleDelayMs ?? 0,
    paymentExpiresInMs: options.paymentExpiresInMs ?? DEFAULT_PAYMENT_EXPIRES_IN_MS,
    logger: options.logger ?? {},
  };
  const core = new EmulatorCore({
    seed: options.seed ?? "demo",
    deterministic: options.deterministic ?? false,
    startAt: options.now === undefined ? undefined : Date.parse(options.now),
    config,
    webhookUrls: options.webhookUrls ?? [],
    webhookSecret,
  });

  const server = createServer(createRequestListener(core));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  config.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");

  let closing: Promise<void> | undefined;
  return {
    url,
    apiKey: core.rt.store.merchant.apiKey,
    merchantId: core.rt.store.merchant.id,
    webhookSecret,
    server,
    seedInfo: () => core.seedInfo(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        core.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
