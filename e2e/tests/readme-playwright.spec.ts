import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { signWebhookEvent, startEmulator } from "@creditkit/emulator";
import { readmeFile } from "@creditkit/test-kit/readme-files";
import { expect, test } from "@playwright/test";

// The Playwright setup both READMEs tell a merchant to copy (issue 17): the same config in each,
// it loads, its spec is listed, its emulator settings start an emulator whose webhooks reach the
// app's webhook route signed with the secret the app is given; and the emulator README's suite is
// e2e/merchant-kit's, word for word. fresh-next-app.spec.ts runs the config and spec as pasted in a
// fresh create-next-app app; this file checks the same in seconds, without building an app.

const ROOT = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);
const playwrightCli = createRequire(import.meta.url).resolve("@playwright/test/cli");

test.describe.configure({ mode: "serial" });

test("both READMEs show the same config and spec; the emulator README's suite is e2e/merchant-kit's", async () => {
  const root = join(ROOT, "README.md");
  const emulator = join(ROOT, "packages", "emulator", "README.md");
  expect(readmeFile(emulator, "playwright.config.ts").content).toBe(readmeFile(root, "playwright.config.ts").content);
  const suite = await readFile(join(ROOT, "e2e", "merchant-kit", "tests", "qa-kit.spec.ts"), "utf8");
  expect(readmeFile(emulator, "e2e/qa-kit.spec.ts").content).toBe(suite);
  expect(readmeFile(root, "lib/top-up.ts").content).toContain('testPreset: process.env.CREDITKIT_TEST_PRESET === "1"');
});

test("the README's config loads, lists its spec, and its emulator and app settings fit together", async () => {
  test.setTimeout(90_000);
  const root = join(ROOT, "README.md");
  // Inside e2e/, so that the files resolve @creditkit/emulator and @playwright/test as an app's would.
  const dir = await mkdtemp(join(import.meta.dirname, "..", ".readme-app-"));
  try {
    const config = readmeFile(root, "playwright.config.ts");
    const spec = readmeFile(root, "e2e/top-up.spec.ts");
    await mkdir(join(dir, "e2e"));
    await writeFile(join(dir, config.path), config.content);
    await writeFile(join(dir, spec.path), spec.content);

    const { stdout } = await run(process.execPath, [playwrightCli, "test", "--list"], {
      cwd: dir,
      env: { ...process.env, CI: "1" },
    });
    expect(stdout).toContain("a customer tops up 1,000 credits, confirmed by the webhook");
    expect(stdout).toContain("a declined card, then Cancel: nothing is credited");
    expect(stdout).toMatch(/Total: 2 tests in 1 file/);

    const loaded = (await import(join(dir, "playwright.config.ts"))).default;
    const { baseURL, emulatorOptions } = loaded.use;
    const env = loaded.webServer.env;
    expect(env.CREDITKIT_PUBLIC_URL).toBe(baseURL);
    expect(env.PAYGENTIC_BASE_URL).toBe(`http://127.0.0.1:${emulatorOptions.port}`);
    expect(env.PAYMENT_HOSTS.split(",")).toContain(env.PAYGENTIC_BASE_URL);
    expect(env.CREDITKIT_TEST_PRESET).toBe("1");
    expect(emulatorOptions.webhookUrls).toEqual([`${baseURL}/api/topup/webhooks/paygentic`]);

    // The emulator the fixture would start with these options (on a free port here): the app's key
    // is its key, and a payment's webhook verifies with the secret the app is given.
    const received: { headers: Record<string, string>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const hook = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/topup/webhooks/paygentic`;
    const emu = await startEmulator({ ...emulatorOptions, port: 0, webhookUrls: [hook] });
    try {
      expect(emu.apiKey).toBe(env.PAYGENTIC_API_KEY);
      const info = emu.seedInfo().customers[0];
      const headers = { authorization: `Bearer ${env.PAYGENTIC_API_KEY}`, "content-type": "application/json" };
      const bought = await fetch(`${emu.url}/v1/entitlements/${info?.entitlementId}/grants/purchase`, {
        method: "POST",
        headers,
        body: JSON.stringify({ amount: 1000, price: "10.00", idempotencyKey: "readme" }),
      });
      const url: string = (await bought.json()).paymentSessions[0].url;
      await fetch(`${emu.url}/__emulator/payment-sessions/${url.split("/").pop()}/complete`, { method: "POST" });
      await expect.poll(() => received.length).toBe(1);
      const delivered = received[0] as { headers: Record<string, string>; body: string };
      // Signed with the secret the app is given: the same signature the kit computes for it.
      const expected = signWebhookEvent(env.PAYGENTIC_WEBHOOK_SECRET, delivered.body, {
        id: delivered.headers["svix-id"],
        timestamp: new Date(Number(delivered.headers["svix-timestamp"]) * 1000),
      });
      expect(delivered.headers["svix-signature"]).toBe(expected.headers["svix-signature"]);
    } finally {
      await emu.close();
      server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
