import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serveWorkerOnEdge } from "@creditkit/test-kit/edge-runtime";
import { freePort } from "@creditkit/test-kit/free-port";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import { describe, expect, it } from "vitest";
import { buyAPack } from "./test-support/buy-a-pack.ts";

/**
 * `worker.ts` on an edge runtime: bundled for the browser platform (a Node built-in anywhere in
 * it, Hono and @creditkit/server included, fails the bundle) and served over HTTP from inside
 * Vercel's edge-runtime sandbox, where there is no `process`, `Buffer` or `require`. The
 * emulator's Svix-signed webhook is delivered into the sandbox too (through a relay that notes
 * the sandbox's answer, since the emulator does not report its deliveries).
 */

/** Passes the emulator's webhook deliveries on to `target` and resolves with the first answer's status. */
async function webhookRelay(target: string) {
  let answered!: (status: number) => void;
  const firstStatus = new Promise<number>((resolve) => {
    answered = resolve;
  });
  const relay = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    headers.delete("host");
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
    answered(answer.status);
    res.writeHead(answer.status).end(await answer.text());
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    firstStatus,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

describe("examples/hono-edge as an edge worker (Vercel's edge-runtime)", () => {
  it("sells a pack with the worker's bindings as its settings", async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const relay = await webhookRelay(appUrl);
    const emu = await startTestEmulator({ webhookUrls: [`${relay.url}/api/topup/webhooks/paygentic`] });
    const edge = await serveWorkerOnEdge(
      join(import.meta.dirname, "..", "worker.ts"),
      {
        PAYGENTIC_API_KEY: emu.emu.apiKey,
        PAYGENTIC_BASE_URL: emu.emu.url,
        PAYGENTIC_WEBHOOK_SECRET: emu.emu.webhookSecret,
        CREDITKIT_PUBLIC_URL: appUrl,
        PAYMENT_HOSTS: emu.emu.url,
      },
      port,
    );
    try {
      expect(edge.runtime.evaluate("typeof process + typeof Buffer + typeof require")).toBe(
        "undefinedundefinedundefined",
      );
      await buyAPack(appUrl, emu);
      expect(await relay.firstStatus).toBe(200);
    } finally {
      await relay.close();
      await edge.close();
      await emu.close();
    }
  });
});
