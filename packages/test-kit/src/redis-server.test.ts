import { describe, expect, it } from "vitest";
import { INSTALL_HINT, TestRedisServer } from "./redis-server.ts";

describe("the test redis-server", () => {
  it("fails (never skips) with how to install it when redis-server is missing", async () => {
    await expect(TestRedisServer.start("/nonexistent/redis-server")).rejects.toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toMatch(/apt-get install -y redis-server/);
  });

  it("starts, is killed, and starts again on the same port", async () => {
    const server = await TestRedisServer.start();
    try {
      const { port } = server;
      await server.kill();
      await server.restart();
      expect(server.port).toBe(port);
    } finally {
      await server.kill();
    }
  });
});
