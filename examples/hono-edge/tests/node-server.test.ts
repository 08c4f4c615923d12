import { join } from "node:path";
import { startExampleServer } from "@creditkit/test-kit/example-server";
import { describe, expect, it } from "vitest";
import { buyAPack } from "./test-support/buy-a-pack.ts";

/** `node-server.ts` as a merchant runs it (its own Node process), the Hono app against a test emulator. */

const APP_DIR = join(import.meta.dirname, "..");

describe("examples/hono-edge on Node (@hono/node-server)", () => {
  it("sells a pack through the Hono app, with no adapter", async () => {
    const app = await startExampleServer(APP_DIR, "node-server.ts");
    try {
      await buyAPack(app.url, app.emulator);
      expect(app.log.filter((line) => /error/i.test(line))).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
