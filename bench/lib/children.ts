import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A process a benchmark started: its pid (for CPU and RSS), everything it printed, and a stop. */
export interface Child {
  pid: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A benchmark that throws must not leave servers behind: kill what is still running on the way out.
process.once("exit", () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/**
 * Spawns a process and resolves once `ready` matches its output (returning the match), or rejects
 * with everything it printed when it exits first or takes longer than `timeoutMs`.
 */
export async function startChild(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number; name: string },
): Promise<{ child: Child; match: RegExpExecArray }> {
  const proc = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(proc);
  let output = "";
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  exited.then(() => running.delete(proc));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = options.ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code}) before it was ready:\n${output}`));
    });
  });

  const child: Child = {
    pid: proc.pid as number,
    process: proc,
    output: () => output,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const force = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
  return { child, match };
}

/** `node --import tsx <file>` from the repository root: TypeScript entry points without a build. */
export function tsxArgs(file: string, args: string[]): string[] {
  return ["--import", "tsx", join(ROOT, file), ...args];
}
