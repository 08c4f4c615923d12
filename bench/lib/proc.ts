import { readFileSync } from "node:fs";

/**
 * CPU time and resident memory of a process, read from Linux's /proc (the benchmarks run the BFF
 * as a child process). CPU per request is a steadier figure than req/s on a shared machine: other
 * work slows a run down, but barely changes what one request costs. null where /proc is missing.
 */

/** user + system CPU time in ms (clock ticks are 10 ms on Linux). */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Resident set size in bytes. */
export function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Runs `work` and reports the CPU it cost process `pid` meanwhile (null without /proc). */
export async function measureCpu<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  const before = cpuMs(pid);
  const result = await work();
  const after = cpuMs(pid);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}

/**
 * Established TCP connections to a local port, from /proc/net/tcp (IPv4): how many connections a
 * client keeps open to a server, to show that they are reused rather than opened per request.
 */
export function establishedTo(port: number): number | null {
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
    return readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .slice(1)
      .filter((line) => {
        const [, , remote, state] = line.trim().split(/\s+/);
        return state === "01" && remote?.endsWith(`:${hexPort}`);
      }).length;
  } catch {
    return null;
  }
}
