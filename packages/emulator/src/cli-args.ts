import { parseArgs } from "node:util";
import { isWebhookSecret } from "@creditkit/paygentic/formats";
import { CLI_DEFAULT_PORT, DEFAULT_HOST } from "./constants.ts";
import type { EmulatorOptions } from "./start-emulator.ts";

/** The environment variable the CLI reads the webhook secret from (not visible to `ps`, unlike a flag). */
export const WEBHOOK_SECRET_ENV = "CREDITKIT_EMULATOR_WEBHOOK_SECRET";

export const USAGE = `usage: pnpm emulator [--port 4010] [--host 127.0.0.1] [--seed demo|<file.json>]
                     [--webhook-url URL]... [--webhook-secret whsec_...] [--settle-delay-ms N]
                     [--public-url URL] [--now <date-time>] [--deterministic]
The webhook secret is best passed as ${WEBHOOK_SECRET_ENV}=whsec_... in the environment:
--webhook-secret is visible to other users of the machine (ps, /proc).`;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

function integer(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${name} must be an integer from 0 to ${max}`);
  return Number(text);
}

function httpUrl(name: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--${name} must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--${name} must be an http(s) URL`);
  return text;
}

/**
 * The CLI's flags as startEmulator options; a bad flag is a UsageError (exit 2). The webhook secret
 * comes from `--webhook-secret` or, preferably, from `CREDITKIT_EMULATOR_WEBHOOK_SECRET` in `env`
 * (a command line is readable by every user of the machine; the environment is not). The flag wins.
 */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = {}): EmulatorOptions | "help" {
  // `pnpm emulator -- --port 1` passes the "--" through.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  const options: EmulatorOptions = {
    port: values.port === undefined ? CLI_DEFAULT_PORT : integer("port", values.port, 65_535),
    host: values.host ?? DEFAULT_HOST,
    seed: values.seed ?? "demo",
  };
  if (values["webhook-url"]) options.webhookUrls = values["webhook-url"].map((u) => httpUrl("webhook-url", u));
  if (values["webhook-secret"] !== undefined) {
    if (!isWebhookSecret(values["webhook-secret"]))
      throw new UsageError("--webhook-secret must be whsec_ followed by base64");
    options.webhookSecret = values["webhook-secret"];
  } else if (env[WEBHOOK_SECRET_ENV] !== undefined && env[WEBHOOK_SECRET_ENV] !== "") {
    // Never echo the value: it is a secret.
    if (!isWebhookSecret(env[WEBHOOK_SECRET_ENV]))
      throw new UsageError(`${WEBHOOK_SECRET_ENV} must be whsec_ followed by base64`);
    options.webhookSecret = env[WEBHOOK_SECRET_ENV];
  }
  if (values["settle-delay-ms"] !== undefined)
    options.settleDelayMs = integer("settle-delay-ms", values["settle-delay-ms"], 3_600_000);
  if (values["public-url"] !== undefined) options.publicUrl = httpUrl("public-url", values["public-url"]);
  if (values.now !== undefined) {
    if (Number.isNaN(Date.parse(values.now))) throw new UsageError("--now must be an RFC 3339 date-time");
    options.now = values.now;
  }
  if (values.deterministic) options.deterministic = true;
  return options;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      "webhook-url": { type: "string", multiple: true },
      "webhook-secret": { type: "string" },
      "settle-delay-ms": { type: "string" },
      "public-url": { type: "string" },
      now: { type: "string" },
      deterministic: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
