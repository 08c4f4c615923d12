import { type ChildProcess, spawn } from "node:child_process";

/**
 * A server (or any long command) a test starts as a child process: its output kept, a stop that
 * escalates to SIGKILL, and the one readiness rule of the kit's app starters (`untilAnswering`).
 * Whatever is still running when the test process exits is killed, so a run that throws never
 * leaves servers behind.
 */
export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Whether it has exited. */
  exited(): boolean;
  /** Resolves once it has exited and its output is complete. */
  done: Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

export function spawnServer(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ServerProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // A command that cannot be spawned at all never exits: count that as exited too.
  let failedToSpawn = false;
  const hasExited = () => failedToSpawn || child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => {
    child.once("close", () => resolve());
    child.once("error", (error) => {
      failedToSpawn = true;
      output += `${error.message}\n`;
      resolve();
    });
  });
  void exited.then(() => running.delete(child));
  return {
    child,
    done: exited,
    output: () => output,
    exited: hasExited,
    async stop() {
      if (hasExited()) return;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/**
 * The readiness rule: ready when `url` answers 200 (Next prints "Ready" before the first route is
 * compiled into memory, so that line does not count). `name` starts the error messages.
 */
export async function untilAnswering(url: string, server: ServerProcess, timeoutMs: number, name: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exited()) {
      const { exitCode, signalCode } = server.child;
      throw new Error(`${name} exited (${exitCode ?? signalCode}) before it answered:\n${server.output()}`);
    }
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
