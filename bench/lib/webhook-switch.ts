import { createServer, type Server } from "node:http";
import { proxyTo } from "./bare-proxy.ts";

export interface WebhookSwitch {
  url: string;
  /** On: webhooks reach the BFF. Off: they are accepted and dropped, so the BFF learns by polling only. */
  set(on: boolean): void;
  delivered(): number;
  close(): Promise<void>;
}

/**
 * The emulator's webhook URL points here. Switching it off is what "no webhook" looks like to the
 * BFF (nothing arrives), without restarting anything between the two return-latency modes.
 */
export async function startWebhookSwitch(bffUrl: string): Promise<WebhookSwitch> {
  const forward = proxyTo(bffUrl);
  let on = false;
  let delivered = 0;
  const server: Server = createServer((req, res) => {
    if (on) {
      delivered++;
      forward(req, res);
      return;
    }
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"dropped":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the webhook switch has no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    set: (value) => {
      on = value;
    },
    delivered: () => delivered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
