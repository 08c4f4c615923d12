import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { BASE_PATH, CUSTOMER_HEADER, handlerConfig, ORIGIN } from "@creditkit/test-kit/handler-client";
import { readmeFile } from "@creditkit/test-kit/readme-files";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import Fastify, { type FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { createTopUpHandler } from "./handler.ts";
import { creditKit } from "./test-support/creditkit-fastify.ts";

/**
 * The README's Fastify recipe (test-support/creditkit-fastify.ts, shown verbatim in the README):
 * Fastify parses bodies itself, so CreditKit is registered in a plugin scope without parsers and
 * the Node adapter takes over the raw request and response. A real Fastify on loopback, with a
 * JSON route of the app's own beside it, against a real emulator.
 */

const emu = await emulatorForFile();
const widget = {
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
  "content-type": "application/json",
  [CUSTOMER_HEADER]: "acme-alice",
};

async function start(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: "127.0.0.1" });
}

describe("the Fastify recipe", () => {
  it("is the README's block, verbatim", () => {
    const readme = join(import.meta.dirname, "..", "README.md");
    const file = join(import.meta.dirname, "test-support", "creditkit-fastify.ts");
    expect(readmeFile(readme, "creditkit-fastify.ts").content).toBe(readFileSync(file, "utf8"));
  });

  it("sells a pack and answers HEAD, while the app's own routes keep Fastify's JSON parser", async () => {
    const app = Fastify();
    await app.register(creditKit(createTopUpHandler(handlerConfig(emu))));
    app.post("/echo", async (request) => ({ parsed: request.body }));
    const url = await start(app);
    try {
      const created = await fetch(`${url}${BASE_PATH}/purchases`, {
        method: "POST",
        headers: { ...widget, "idempotency-key": "fastify-attempt-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      const purchase = await created.json();
      expect(created.status, JSON.stringify(purchase)).toBe(201);
      await emu.session(purchase.paymentUrl, "complete");
      const status = await fetch(`${url}${BASE_PATH}/purchases/${purchase.purchaseId}`, { headers: widget });
      expect(await status.json()).toMatchObject({ status: "paid", grant: { amount: 1000 } });

      const head = await fetch(`${url}${BASE_PATH}/catalog`, { method: "HEAD", headers: widget });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");

      const echo = await fetch(`${url}/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ a: 1 }),
      });
      expect(await echo.json()).toEqual({ parsed: { a: 1 } });
    } finally {
      await app.close();
    }
  });

  it("verifies the emulator's signed webhook over the raw body", async () => {
    const app = Fastify();
    let delivered!: (status: number) => void;
    const delivery = new Promise<number>((resolve) => {
      delivered = resolve;
    });
    app.addHook("onRequest", async (request, reply) => {
      if (request.url.endsWith("/webhooks/paygentic")) reply.raw.on("finish", () => delivered(reply.raw.statusCode));
    });
    let handler = createTopUpHandler(handlerConfig(emu));
    await app.register(creditKit((request) => handler(request)));
    const url = await start(app);
    const sender = await startTestEmulator({ webhookUrls: [`${url}${BASE_PATH}/webhooks/paygentic`] });
    try {
      handler = createTopUpHandler(handlerConfig(sender));
      const created = await fetch(`${url}${BASE_PATH}/purchases`, {
        method: "POST",
        headers: { ...widget, "idempotency-key": "fastify-webhook-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      const { paymentUrl } = await created.json();
      await sender.session(paymentUrl, "complete");
      expect(await delivery).toBe(200);
    } finally {
      await sender.close();
      await app.close();
    }
  });
});
