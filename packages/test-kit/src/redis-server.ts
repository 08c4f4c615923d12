import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./free-port.ts";

/**
 * A real, throw-away redis-server on 127.0.0.1 for the store tests: no persistence, its own free
 * port, killed by the test. It can be killed and started again on the same port, which is how
 * the tests take Redis away mid-run and bring it back.
 */

export const INSTALL_HINT =
  "redis-server is not installed, and the Redis store tests run against a real one. Install it with " +
  "`sudo apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), or run " +
  "`pnpm test`, which installs it; REDIS_SERVER_BIN may point at another binary.";

export class TestRedisServer {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly binary: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a server on a free port and resolves once it answers PING. */
  static async start(binary = process.env.REDIS_SERVER_BIN ?? "redis-server"): Promise<TestRedisServer> {
    // Another test file may take the free port between our probe and redis binding it: try again.
    for (let attempt = 1; ; attempt++) {
      const server = new TestRedisServer(await freePort(), binary);
      try {
        await server.restart();
        return server;
      } catch (error) {
        if (attempt >= 3 || !/Address already in use/i.test(String(error))) throw error;
      }
    }
  }

  /** (Re)starts the server on its port. */
  async restart(): Promise<void> {
    if (this.process) throw new Error("the test redis-server is already running");
    const child = spawn(
      this.binary,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "notice"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process = child;
    // Never outlive the test run, even if a test forgets to kill it.
    const reap = () => child.kill("SIGKILL");
    process.once("exit", reap);
    child.once("exit", () => process.off("exit", reap));
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("error", (error: NodeJS.ErrnoException) => {
        this.process = null;
        reject(error.code === "ENOENT" ? new Error(INSTALL_HINT) : error);
      });
      child.once("exit", (code) => {
        this.process = null;
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
    await ping(this.port);
  }

  /** Freezes the server (SIGSTOP): connections stay open but nothing is answered, like a hung host. */
  freeze(): void {
    this.process?.kill("SIGSTOP");
  }

  /** Lets a frozen server run again (SIGCONT). */
  thaw(): void {
    this.process?.kill("SIGCONT");
  }

  /** Kills the server the hard way (no goodbye to clients), as a crash or a lost host would. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.process = null;
  }
}

/** One PING over a raw socket: the server is up only when it answers +PONG. */
function ping(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.end();
      if (data.toString().startsWith("+PONG")) resolve();
      else reject(new Error(`redis-server answered PING with ${data.toString().trim()}`));
    });
    socket.once("error", reject);
  });
}
