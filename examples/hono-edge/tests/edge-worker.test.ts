import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serveWorkerOnEdge } from "@creditkit/test-kit/edge-runtime";
import { freePort } from "@creditkit/test-kit/free-port";
import { startRedisRestBridge } from "@creditkit/test-kit/redis-rest-bridge";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
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

describe("the store of an edge worker's isolates", () => {
  /** Buys on isolate A, pays, and asks isolate B about the purchase (as a platform may route the widget's poll). */
  async function buyOnOnePollOnAnother(env: Record<string, string>) {
    const [portA, portB] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${portA}`;
    const emu = await startTestEmulator();
    const settings = {
      ...env,
      PAYGENTIC_API_KEY: emu.emu.apiKey,
      PAYGENTIC_BASE_URL: emu.emu.url,
      CREDITKIT_PUBLIC_URL: appUrl,
      PAYMENT_HOSTS: emu.emu.url,
    };
    const worker = join(import.meta.dirname, "..", "worker.ts");
    const [a, b] = [await serveWorkerOnEdge(worker, settings, portA), await serveWorkerOnEdge(worker, settings, portB)];
    try {
      const created = await fetch(`${a.url}/api/topup/purchases`, {
        method: "POST",
        headers: {
          origin: appUrl,
          "sec-fetch-site": "same-origin",
          "content-type": "application/json",
          "idempotency-key": "isolate-attempt-1",
        },
        body: JSON.stringify({ packId: "starter" }),
      });
      const purchase = await created.json();
      expect(created.status, JSON.stringify(purchase)).toBe(201);
      await emu.session(purchase.paymentUrl, "complete");
      const polled = await fetch(`${b.url}/api/topup/purchases/${purchase.purchaseId}`);
      return { status: polled.status, body: await polled.json() };
    } finally {
      await a.close();
      await b.close();
      await emu.close();
    }
  }

  it("in memory (the default), another isolate does not know the purchase: 404", async () => {
    const { status, body } = await buyOnOnePollOnAnother({});
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("with the REST store (REDIS_REST_URL), every isolate shares the purchase: paid", async () => {
    const redis = await TestRedisServer.start();
    const bridge = await startRedisRestBridge(redis.url, "edge-rest-token");
    try {
      const { status, body } = await buyOnOnePollOnAnother({
        REDIS_REST_URL: bridge.url,
        REDIS_REST_TOKEN: "edge-rest-token",
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: "paid", credits: 1000 });
      expect(bridge.calls()).toBeGreaterThan(0);
    } finally {
      await bridge.close();
      await redis.kill();
    }
  });
});
