import { request as httpRequest } from "node:http";
import { captureLogger } from "@creditkit/test-kit/capture-logger";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { BASE_PATH, CUSTOMER_HEADER, handlerConfig, ORIGIN } from "@creditkit/test-kit/handler-client";
import { invoicesCreated } from "@creditkit/test-kit/invoices";
import { startTestEmulator } from "@creditkit/test-kit/test-emulator";
import express from "express";
import { describe, expect, it } from "vitest";
import type { TopUpConfig } from "./config/config-types.ts";
import { createTopUpHandler } from "./handler.ts";
import { type NodeHandler, toNodeHandler } from "./node.ts";
import { listen, nodeRequest, rawExchange } from "./test-support/loopback.ts";

/**
 * The Node adapter on real servers over loopback: plain node:http and Express (mounted under a
 * path), with the real handler against a real emulator, and plain fetch handlers where a property
 * of the adapter itself is checked (cookies, HEAD, disconnects).
 */

const emu = await emulatorForFile();

/** What the widget sends: same-origin JSON from the app's configured origin, with the test "session". */
const widget = (who = "acme-alice") => ({
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
  "content-type": "application/json",
  [CUSTOMER_HEADER]: who,
});

function topUpHandler(overrides: Partial<TopUpConfig> = {}) {
  return createTopUpHandler({ ...handlerConfig(emu), ...overrides });
}

describe("toNodeHandler on node:http", () => {
  it("sells a pack and reports it, the body streamed into the handler", async () => {
    const server = await listen(toNodeHandler(topUpHandler()));
    try {
      const created = await fetch(`${server.url}${BASE_PATH}/purchases`, {
        method: "POST",
        headers: { ...widget(), "idempotency-key": "node-http-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      const body = await created.json();
      expect(created.status, JSON.stringify(body)).toBe(201);
      await emu.session(body.paymentUrl, "complete");
      const status = await fetch(`${server.url}${BASE_PATH}/purchases/${body.purchaseId}`, { headers: widget() });
      expect(await status.json()).toMatchObject({ status: "paid", grant: { amount: 1000 } });
    } finally {
      await server.close();
    }
  });

  it("builds the request URL on publicOrigin: a forged Host neither reaches the handler nor passes the origin check", async () => {
    const seen: string[] = [];
    const config = handlerConfig(emu);
    const handler = topUpHandler({
      resolveCustomer: (request) => {
        seen.push(request.url);
        return config.resolveCustomer(request);
      },
    });
    const server = await listen(toNodeHandler(handler));
    try {
      const read = await nodeRequest(`${server.url}${BASE_PATH}/balance`, {
        headers: { host: "evil.example", [CUSTOMER_HEADER]: "acme-alice" },
      });
      expect(read.status).toBe(200);
      expect(seen).toEqual([`${ORIGIN}${BASE_PATH}/balance`]);

      const forged = await nodeRequest(`${server.url}${BASE_PATH}/purchases`, {
        method: "POST",
        headers: { ...widget(), host: "evil.example", origin: "http://evil.example", "idempotency-key": "forged-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      // A page on evil.example whose Host and Origin agree is still not the configured app.
      expect(forged.status).toBe(403);
      expect(JSON.parse(forged.body).error.code).toBe("origin_mismatch");
    } finally {
      await server.close();
    }
  });

  it("refuses an oversized streamed body once past maxBodyBytes, without reading the rest", async () => {
    let bytesReadAtAnswer = -1;
    const adapter = toNodeHandler(topUpHandler({ maxBodyBytes: 16_384 }));
    const server = await listen((req, res) => {
      res.on("finish", () => {
        bytesReadAtAnswer = req.socket.bytesRead;
      });
      void adapter(req, res);
    });
    const offered = 64 * 1024 * 1024;
    try {
      // A chunked body (no Content-Length to refuse up front) that the client keeps sending, with
      // backpressure, until the server answers.
      const { status, headers, written, body } = await new Promise<{
        status: number;
        headers: Record<string, unknown>;
        written: number;
        body: string;
      }>((resolve, reject) => {
        const req = httpRequest(`${server.url}${BASE_PATH}/purchases`, {
          method: "POST",
          headers: { ...widget(), "idempotency-key": "huge-body-1", "transfer-encoding": "chunked" },
        });
        let written = 0;
        let answered = false;
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        req.on("response", (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              written,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        });
        // The server closing the connection on the rest of the body is expected.
        req.on("error", (error) => (answered ? undefined : reject(error)));
        const pump = () => {
          while (!answered && written < offered) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
          if (!answered) req.end();
        };
        pump();
      });
      expect(status, body).toBe(413);
      expect(headers.connection).toBe("close");
      expect(written).toBeLessThan(offered);
      // The server read a small multiple of the limit off the socket, not the 64 MiB offered.
      expect(bytesReadAtAnswer).toBeGreaterThan(16_384);
      expect(bytesReadAtAnswer).toBeLessThan(1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it("writes every set-cookie as its own header line", async () => {
    const server = await listen(
      toNodeHandler(async () => {
        const headers = new Headers({ "content-type": "text/plain" });
        headers.append("set-cookie", "session=abc; Path=/; HttpOnly");
        headers.append("set-cookie", "theme=dark; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT");
        return new Response("ok", { headers });
      }),
    );
    try {
      const raw = await rawExchange(server.port, "GET / HTTP/1.1\nHost: 127.0.0.1");
      const cookieLines = raw.split("\r\n").filter((line) => line.toLowerCase().startsWith("set-cookie:"));
      expect(cookieLines).toEqual([
        "set-cookie: session=abc; Path=/; HttpOnly",
        "set-cookie: theme=dark; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
      ]);
    } finally {
      await server.close();
    }
  });

  it("answers HEAD with the GET's status and headers and no body, without reading the handler's body", async () => {
    let cancelled = false;
    const server = await listen(
      toNodeHandler(async () => {
        const body = new ReadableStream({
          pull(controller) {
            controller.enqueue(new TextEncoder().encode("a body HEAD must not carry"));
            controller.close();
          },
          cancel() {
            cancelled = true;
          },
        });
        return new Response(body, { headers: { "content-type": "text/plain", "x-kind": "get-answer" } });
      }),
    );
    try {
      const raw = await rawExchange(server.port, "HEAD /anything HTTP/1.1\nHost: 127.0.0.1");
      expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(raw).toContain("x-kind: get-answer");
      expect(raw.endsWith("\r\n\r\n")).toBe(true);
      expect(raw).not.toContain("must not carry");
      expect(cancelled).toBe(true);
    } finally {
      await server.close();
    }

    // And the real handler: HEAD of a read route is its GET without a body.
    const real = await listen(toNodeHandler(topUpHandler()));
    try {
      const raw = await rawExchange(
        real.port,
        `HEAD ${BASE_PATH}/catalog HTTP/1.1\nHost: 127.0.0.1\n${CUSTOMER_HEADER}: acme-alice`,
      );
      expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(raw.endsWith("\r\n\r\n")).toBe(true);
    } finally {
      await real.close();
    }
  });

  it("aborts the handler's request when the client disconnects, and fails its body read", async () => {
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const outcome = new Promise<{ aborted: boolean; bodyError: string }>((resolve) => {
      void listen(
        toNodeHandler(async (request) => {
          started();
          const bodyError = await request.text().then(
            () => "read to the end",
            (error: Error) => error.message,
          );
          if (!request.signal.aborted) await new Promise((r) => request.signal.addEventListener("abort", r));
          resolve({ aborted: request.signal.aborted, bodyError });
          return new Response("too late");
        }),
      ).then((server) => {
        closeServer = server.close;
        const req = httpRequest(`${server.url}/slow-upload`, {
          method: "POST",
          headers: { "transfer-encoding": "chunked", "content-type": "application/json" },
        });
        req.on("error", () => {});
        req.write('{"partial":');
        void handlerStarted.then(() => req.destroy());
      });
    });
    let closeServer = async () => {};
    const { aborted, bodyError } = await outcome;
    await closeServer();
    expect(aborted).toBe(true);
    expect(bodyError).not.toBe("read to the end");
  });
});

describe("toNodeHandler as Express middleware", () => {
  it("works mounted under its basePath (Express strips the mount path; the original URL is used)", async () => {
    const app = express();
    app.use("/api/topup", toNodeHandler(topUpHandler()));
    const server = await listen(app);
    try {
      const catalog = await fetch(`${server.url}/api/topup/catalog`, { headers: widget() });
      expect(catalog.status).toBe(200);
      expect((await catalog.json()).packs.map((p: { id: string }) => p.id)).toEqual(["starter", "growth", "scale"]);
      const balance = await fetch(`${server.url}/api/topup/balance`, { headers: widget() });
      expect(balance.status).toBe(200);
      const created = await fetch(`${server.url}/api/topup/purchases`, {
        method: "POST",
        headers: { ...widget(), "idempotency-key": "express-1" },
        body: JSON.stringify({ packId: "growth" }),
      });
      expect(created.status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it("as app-wide middleware, passes every path outside its basePath on to the app", async () => {
    const app = express();
    app.use(toNodeHandler(topUpHandler()));
    app.get("/health", (_req, res) => {
      res.json({ ok: true });
    });
    const server = await listen(app);
    try {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true });
      expect((await fetch(`${server.url}/api/topup/catalog`, { headers: widget() })).status).toBe(200);
      expect((await fetch(`${server.url}/api/topup/nothing-here`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("behind express.json(): answers a 500 that names the setup, and logs what to change", async () => {
    const { logger, lines } = captureLogger();
    const app = express();
    app.use(express.json());
    app.use("/api/topup", toNodeHandler(topUpHandler({ logger })));
    const server = await listen(app);
    try {
      const created = await fetch(`${server.url}/api/topup/purchases`, {
        method: "POST",
        headers: { ...widget(), "idempotency-key": "parsed-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      expect(created.status).toBe(500);
      const body = await created.json();
      expect(body.error.code).toBe("internal_error");
      expect(body.error.message).toMatch(/body was read before CreditKit/);
      const advice = lines.filter((line) => line.startsWith("error CreditKit could not read the body"));
      expect(advice).toHaveLength(1);
      expect(advice[0]).toContain("POST /api/topup");
      expect(advice[0]).toContain(
        'Mount CreditKit before any body parser: app.use("/api/topup", toNodeHandler(handler)) above app.use(express.json())',
      );
      // Requests without a body are unaffected, and nothing was bought.
      expect((await fetch(`${server.url}/api/topup/balance`, { headers: widget() })).status).toBe(200);
      expect(await invoicesCreated(emu)).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("verifies the webhook's signature over the raw body it streams, from the emulator's real delivery", async () => {
    // The receiver must exist before the emulator (which needs its URL), and the handler after it.
    let handler: NodeHandler = async (_req, res) => void res.writeHead(503).end();
    let delivered!: (status: number) => void;
    const delivery = new Promise<number>((resolve) => {
      delivered = resolve;
    });
    const app = express();
    app.use((req, res, next) => {
      if (req.path.endsWith("/webhooks/paygentic")) res.on("finish", () => delivered(res.statusCode));
      next();
    });
    app.use("/api/topup", (req, res) => void handler(req, res));
    const server = await listen(app);
    const sender = await startTestEmulator({ webhookUrls: [`${server.url}/api/topup/webhooks/paygentic`] });
    try {
      handler = toNodeHandler(topUpHandler({ ...handlerConfig(sender), purchaseStatusCacheMs: 0 }));
      const created = await fetch(`${server.url}/api/topup/purchases`, {
        method: "POST",
        headers: { ...widget(), "idempotency-key": "webhook-1" },
        body: JSON.stringify({ packId: "starter" }),
      });
      const { paymentUrl, purchaseId } = await created.json();
      await sender.session(paymentUrl, "complete");
      expect(await delivery).toBe(200);
      // Settled by the webhook: the status is answered from the store, without listing grants.
      const lists = async () => (await sender.requests()).filter((r) => r.path.includes("/grants?")).length;
      const before = await lists();
      const status = await fetch(`${server.url}/api/topup/purchases/${purchaseId}`, { headers: widget() });
      expect(await status.json()).toMatchObject({ status: "paid", grant: { amount: 1000 } });
      expect(await lists()).toBe(before);
    } finally {
      await sender.close();
      await server.close();
    }
  });
});
