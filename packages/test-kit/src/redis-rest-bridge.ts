import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

/**
 * Upstash's Redis REST protocol in front of a real redis-server, for the REST store's tests: a
 * JSON array per command at `/` answered `{result}` or `{error}`, an array of them at
 * `/multi-exec` run as one MULTI/EXEC, and a bearer token. Upstash itself is a hosted service
 * that cannot run here; this speaks its documented wire format to the real Redis underneath.
 */
export async function startRedisRestBridge(redisUrl: string, token: string) {
  const redis = new Redis(redisUrl);
  let calls = 0;
  const server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST") return answer(405, { error: "POST only" });
    if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    calls++;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      return answer(400, { error: "ERR failed to parse the request body" });
    }
    try {
      if (req.url === "/multi-exec") {
        const commands = (body as string[][]).map(([name, ...args]) => [String(name).toLowerCase(), ...args]);
        const results = (await redis.multi(commands).exec()) ?? [];
        return answer(
          200,
          results.map(([error, result]) => (error ? { error: error.message } : { result })),
        );
      }
      const [name, ...args] = body as string[];
      return answer(200, { result: await redis.call(String(name), ...args.map(String)) });
    } catch (error) {
      return answer(400, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** How many HTTP calls the store made. */
    calls: () => calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
