import { type Emulator, startEmulator } from "@creditkit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointRuntimeAt } from "../../../../lib/test-support/runtime-env.ts";

/**
 * The demo sign-in route itself (the module Next serves), against a real emulator: the runtime
 * is built from this process's environment on first use.
 */
const PUBLIC_URL = "http://127.0.0.1:3999";
let emulator: Emulator;
let route: typeof import("./route.ts");
let restoreEnv: () => void = () => {};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  restoreEnv = pointRuntimeAt(emulator, PUBLIC_URL);
  route = await import("./route.ts");
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});

const sameOrigin = { origin: PUBLIC_URL, "sec-fetch-site": "same-origin", "content-type": "application/json" };

/** A body stream of `chunks` × `chunkBytes` that counts how many bytes the route pulled from it. */
function countingBody(chunks: number, chunkBytes: number) {
  const counter = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      counter.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return { stream, counter };
}

describe("POST /api/demo/session body limit", () => {
  it("refuses a large streamed body with 413 JSON as soon as it passes 1 KiB, without reading it whole", async () => {
    // 300 MB announced by nothing (chunked): only the stream itself can tell.
    const { stream, counter } = countingBody(300 * 1024, 1024);
    const res = await route.POST(
      new Request(`${PUBLIC_URL}/api/demo/session`, {
        method: "POST",
        headers: sameOrigin,
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, counter } = countingBody(4, 1024);
    const headers = { ...sameOrigin, "content-length": String(4 * 1024) };
    const res = await route.POST(
      new Request(`${PUBLIC_URL}/api/demo/session`, {
        method: "POST",
        headers,
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(1024);
  });

  it("still signs in with a small body, and answers bytes that are not UTF-8 with 400", async () => {
    const ok = await route.POST(
      new Request(`${PUBLIC_URL}/api/demo/session`, {
        method: "POST",
        headers: sameOrigin,
        body: JSON.stringify({ customer: "acme-alice" }),
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/^ck_demo_session=/);
    const bad = await route.POST(
      new Request(`${PUBLIC_URL}/api/demo/session`, {
        method: "POST",
        headers: sameOrigin,
        body: new Uint8Array([0xff, 0xfe]),
      }),
    );
    expect(bad.status).toBe(400);
  });

  it("answers any other method with the contract's JSON 405 naming the allowed ones, not Next's empty one", async () => {
    for (const handler of [route.GET, route.PUT, route.PATCH]) {
      const res = handler();
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST, DELETE");
      expect(await res.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    }
  });
});
