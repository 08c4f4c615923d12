import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type Child, ROOT, startChild } from "./children.ts";

const BFF = join(ROOT, "apps", "bff");

export interface BffProcess {
  url: string;
  child: Child;
  stop(): Promise<void>;
}

export interface BffProcessOptions {
  port: number;
  /** Where the BFF sends its Paygentic calls (the emulator, or a timing relay in front of it). */
  paygenticUrl: string;
  apiKey: string;
  /** Where payment pages live (the emulator itself). */
  paymentHost: string;
  /** Without it the BFF has no webhook route: purchases settle by polling only. */
  webhookSecret?: string;
}

/**
 * `next start` of the production build in apps/bff, wired the way the root `pnpm start` and the
 * e2e suite wire it (production mode, 127.0.0.1, a fresh session secret). Resolves once it
 * answers. Run `ensureBffBuild()` first.
 */
export async function startBff(options: BffProcessOptions): Promise<BffProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    PAYGENTIC_API_KEY: options.apiKey,
    PAYGENTIC_BASE_URL: options.paygenticUrl,
    CREDITKIT_PUBLIC_URL: url,
    PAYMENT_HOSTS: new URL(options.paymentHost).origin,
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  if (options.webhookSecret) env.PAYGENTIC_WEBHOOK_SECRET = options.webhookSecret;
  else delete env.PAYGENTIC_WEBHOOK_SECRET;
  delete env.REDIS_URL; // one instance, in-process memory: what a single-server merchant runs

  // `node …/next start` rather than the .bin shim, so that the pid we measure is the server itself.
  const { child } = await startChild(
    process.execPath,
    [join(BFF, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(options.port)],
    { cwd: BFF, env, name: "next start (apps/bff)", ready: /Ready in/ },
  );
  // "Ready" is printed before the first route is compiled into memory: wait for a real answer.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/signin`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 30 s:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, stop: () => child.stop() };
}

export { freePort } from "../../e2e/support/ports.ts";

/**
 * Signs a demo customer in the way the sign-in page does (same-origin JSON POST) and returns the
 * Cookie header value of their session.
 */
export async function signIn(appUrl: string, externalId: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/demo/session`, {
    method: "POST",
    headers: { origin: appUrl, "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ customer: externalId }),
  });
  const text = await res.text();
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`signing in ${externalId} answered ${res.status}: ${text}`);
  return cookie;
}
