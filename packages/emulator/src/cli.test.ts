import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./cli-args.ts";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
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

describe("parseCliArgs", () => {
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
