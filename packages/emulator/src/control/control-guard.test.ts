import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { createEmulatorControl } from "../control-client.ts";
import { emulatorForFile, T0 } from "../testing/harness.ts";

const t = await emulatorForFile();
const { port } = new URL(t.emu.url);
const OWN = t.emu.url; // http://127.0.0.1:<port>

/** A raw request, so that Host, Origin and Sec-Fetch-* are exactly what a browser would send. */
function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      t.emu.url + path,
      {
        method,
        headers: { ...(text === undefined ? {} : { "content-type": "application/json" }), ...headers },
      },
      (res) => {
        let out = "";
        res.on("data", (c: Buffer) => {
          out += c.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode as number, text: out }));
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/** The emulator's clock, read with a same-origin no-op move. */
async function now(): Promise<string> {
  return JSON.parse((await send("POST", "/__emulator/clock", {}, { advanceBy: "PT0S" })).text).now;
}

describe("control routes from a browser page on another site", () => {
  it.each([
    ["an Origin of another site", { origin: "https://evil.example" }],
    ["an Origin of another local port (a dev server)", { origin: "http://localhost:3000" }],
    ["an Origin of the same host on another port", { origin: `http://127.0.0.1:${Number(port) + 1}` }],
    ["Origin: null (a sandboxed frame, a file://)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site (a form post without Origin)", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (another port of localhost)", { "sec-fetch-site": "same-site" }],
  ])("refuses a cross-origin POST with 403 and changes nothing: %s", async (_name, headers) => {
    const before = await now();
    for (const [path, body] of [
      ["/__emulator/clock", { now: "2031-01-01T00:00:00Z" }],
      ["/__emulator/faults", { path: "/v1/*", status: 500 }],
      ["/__emulator/reset", undefined],
    ] as const) {
      const res = await send("POST", path, headers, body);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ error: "forbidden" });
    }
    // The clock was neither set to 2031 nor reset to the seed's start: it only ran on.
    const after = Date.parse(await now());
    expect(after - Date.parse(before)).toBeGreaterThanOrEqual(0);
    expect(after - Date.parse(before)).toBeLessThan(60_000);
    // No fault was added: the API still answers.
    expect((await t.api("GET", `/v1/entitlements/${t.alice.entitlementId}`)).status).toBe(200);
  });

  it.each([
    "evil.example",
    `evil.example:${port}`,
    `127.0.0.1.evil.example:${port}`,
    `localhost.evil.example:${port}`,
    "10.0.0.5",
    "a@b",
  ])("refuses Host %j (DNS rebinding), even for GET /__emulator/seed with its API key", async (host) => {
    for (const [method, path] of [
      ["GET", "/__emulator/seed"],
      ["GET", "/__emulator/requests"],
      ["POST", "/__emulator/reset"],
    ] as const) {
      const res = await send(method, path, { host });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.text).not.toContain(t.emu.apiKey);
    }
  });

  it("accepts non-browser and same-origin requests: Node's fetch, the control client, the emulator's own pages", async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { host: `127.0.0.1:${port}` },
      { host: `localhost:${port}` },
      { host: `app.localhost:${port}` },
      { host: `LOCALHOST:${port}` },
      { origin: OWN, "sec-fetch-site": "same-origin" },
      { host: `localhost:${port}`, origin: `http://localhost:${port}`, "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "none" },
    ];
    for (const headers of cases) {
      const res = await send("POST", "/__emulator/clock", headers, { now: T0 });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect((await send("GET", "/__emulator/seed", headers)).status).toBe(200);
    }
    const control = createEmulatorControl(t.emu.url);
    expect((await control.seed()).apiKey).toBe(t.emu.apiKey);
    await control.advanceClock("PT1H");
    await control.reset();
    // The API and the hosted payment page are not control routes: their rules are unchanged.
    expect(
      (await t.api("GET", `/v1/entitlements/${t.alice.entitlementId}`, undefined, { origin: "https://x.example" }))
        .status,
    ).toBe(200);
  });
});
