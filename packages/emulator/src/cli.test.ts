import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Webhook } from "svix";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliArgs, UsageError, WEBHOOK_SECRET_ENV } from "./cli-args.ts";
import { createEmulatorControl } from "./control-client.ts";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves with the ready line's URL once the emulator listens. */
    ready: () =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = /^CreditKit emulator ready at (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
          if (match) resolve(match[1] as string);
        };
        child.stdout?.on("data", check);
        exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
        check();
      }),
  };
}

describe("the CLI", () => {
  it("prints one ready line, serves the seed, and stops cleanly on SIGTERM", async () => {
    const cli = run(["--port", "0", "--settle-delay-ms", "0"]);
    const url = await cli.ready();
    const seed = await (await fetch(`${url}/__emulator/seed`)).json();
    expect(seed.merchantName).toBe("Acme Cloud");
    const { stdout } = cli.output();
    expect(stdout.match(/CreditKit emulator ready at/g)).toHaveLength(1);
    expect(stdout).toContain("acme-alice");
    expect(stdout).not.toContain(seed.apiKey);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("exits 2 with a message on a bad flag", async () => {
    const cli = run(["--port", "0", "--colour", "blue"]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toContain("Unknown option '--colour'");
    expect(cli.output().stderr).toContain("usage: pnpm emulator");
  });

  it("exits 1 naming the problem when the seed file is unusable", async () => {
    const cli = run(["--port", "0", "--seed", "/nonexistent/seed.json"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toContain("cannot read seed file /nonexistent/seed.json");
  });
});

describe("the webhook secret", () => {
  it("is taken from CREDITKIT_EMULATOR_WEBHOOK_SECRET, so it is not on the command line for ps to show", async () => {
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    const received: Array<{ body: string; headers: IncomingHttpHeaders }> = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString();
      });
      req.on("end", () => {
        received.push({ body, headers: req.headers });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const cli = run(["--port", "0", "--webhook-url", hook], { [WEBHOOK_SECRET_ENV]: secret });
      expect(cli.child.spawnargs.join(" ")).not.toContain(secret);
      const url = await cli.ready();
      const control = createEmulatorControl(url);
      const seed = await control.seed();
      const bob = seed.customers.find((c) => c.externalId === "acme-bob")?.entitlementId as string;
      const purchase = await fetch(`${url}/v1/entitlements/${bob}/grants/purchase`, {
        method: "POST",
        headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ amount: 1000, price: "10.00", idempotencyKey: "env-secret" }),
      });
      expect(purchase.status).toBe(201);
      const { paymentSessions } = (await purchase.json()) as { paymentSessions: Array<{ url: string }> };
      await control.completeSession(paymentSessions[0]?.url.split("/").pop() as string);
      await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const [delivery] = received;
      // Signed with the secret from the environment: svix verifies it (and throws otherwise).
      expect(
        new Webhook(secret).verify(delivery?.body as string, delivery?.headers as Record<string, string>),
      ).toMatchObject({
        eventType: "invoice.paid.v0",
      });
      cli.child.kill("SIGTERM");
      expect(await cli.exited).toBe(0);
    } finally {
      receiver.close();
    }
  });

  it("exits 2 on a malformed secret in the environment, without repeating it", async () => {
    const cli = run(["--port", "0"], { [WEBHOOK_SECRET_ENV]: "not-a-secret-value" });
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toContain(WEBHOOK_SECRET_ENV);
    expect(cli.output().stderr).not.toContain("not-a-secret-value");
  });
});

describe("parseCliArgs", () => {
  it("reads the webhook secret from the environment; --webhook-secret still works and wins", () => {
    const fromEnv = `whsec_${Buffer.from("environment-secret-0123456789abc").toString("base64")}`;
    const fromFlag = `whsec_${Buffer.from("flag-secret-0123456789abcdefghij").toString("base64")}`;
    expect(parseCliArgs([], { [WEBHOOK_SECRET_ENV]: fromEnv })).toMatchObject({ webhookSecret: fromEnv });
    expect(parseCliArgs(["--webhook-secret", fromFlag], { [WEBHOOK_SECRET_ENV]: fromEnv })).toMatchObject({
      webhookSecret: fromFlag,
    });
    expect(parseCliArgs([], { [WEBHOOK_SECRET_ENV]: "" })).not.toHaveProperty("webhookSecret");
    expect(() => parseCliArgs([], { [WEBHOOK_SECRET_ENV]: "whsec_!!" })).toThrow(UsageError);
    expect(() => parseCliArgs([], { [WEBHOOK_SECRET_ENV]: "whsec_!!" })).not.toThrow("whsec_!!");
  });

  it("defaults to port 4010 on 127.0.0.1 with the demo seed", () => {
    expect(parseCliArgs([])).toEqual({ port: 4010, host: "127.0.0.1", seed: "demo" });
  });

  it("reads every flag, repeated webhook URLs and a leading --", () => {
    const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
    expect(
      parseCliArgs([
        "--",
        "--port=4011",
        "--host",
        "0.0.0.0",
        "--seed",
        "seed.json",
        "--webhook-url",
        "http://127.0.0.1:3000/a",
        "--webhook-url",
        "https://example.com/b",
        "--webhook-secret",
        secret,
        "--settle-delay-ms",
        "1500",
        "--public-url",
        "http://localhost:4011",
        "--now",
        "2026-01-01T00:00:00Z",
        "--deterministic",
      ]),
    ).toEqual({
      port: 4011,
      host: "0.0.0.0",
      seed: "seed.json",
      webhookUrls: ["http://127.0.0.1:3000/a", "https://example.com/b"],
      webhookSecret: secret,
      settleDelayMs: 1500,
      publicUrl: "http://localhost:4011",
      now: "2026-01-01T00:00:00Z",
      deterministic: true,
    });
    expect(parseCliArgs(["--help"])).toBe("help");
  });

  it.each([
    [["--port", "abc"], "--port"],
    [["--port", "70000"], "--port"],
    [["--settle-delay-ms", "-1"], "--settle-delay-ms"],
    [["--webhook-url", "not a url"], "--webhook-url"],
    [["--webhook-url", "ftp://x"], "--webhook-url"],
    [["--webhook-secret", "secret"], "--webhook-secret"],
    [["--now", "soon"], "--now"],
    [["positional"], "positional"],
    [["--port"], "--port"],
  ])("refuses %j naming %s", (args, name) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
    expect(() => parseCliArgs(args)).toThrow(name);
  });
});
