import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A misbehaving "Paygentic" that echoes the caller's Authorization header back in what it
 * answers: error messages, validation details, bodies that break the schema. The emulator never
 * does this (by design it never repeats a key), so this stand-in exists only to prove that the
 * BFF scrubs a key that comes back to it before it reaches a response or a log line.
 */
export type LeakMode = "401-message" | "400-field-errors" | "500-text" | "200-drifted" | "200-not-json";

export async function startLeakyUpstream(): Promise<{ url: string; mode: LeakMode; close(): Promise<void> }> {
  const state = { mode: "401-message" as LeakMode };
  const server: Server = createServer((req, res) => {
    req.resume();
    const key = req.headers.authorization ?? "";
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    switch (state.mode) {
      case "401-message":
        return json(401, { error: "unauthorized", message: `the key in "${key}" is not valid` });
      case "400-field-errors":
        return json(400, {
          error: "validation_error",
          message: `Validation failed for ${key}`,
          errors: [{ field: "authorization", message: `unknown key ${key}`, code: "invalid" }],
        });
      case "500-text":
        res.writeHead(500, { "content-type": "text/plain" });
        return res.end(`internal error while checking ${key}`);
      case "200-drifted":
        return json(200, { object: key, id: 42, customerId: key, balance: key });
      case "200-not-json":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(`{"id": "${key}", oops`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(mode: LeakMode) {
      state.mode = mode;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
