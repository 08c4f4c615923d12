import type { EmulatorControl } from "@creditkit/emulator/control";
import { load } from "../lib/load.ts";
import { establishedTo } from "../lib/proc.ts";

export interface ConnectionReuse {
  upstreamRequests: number;
  /** Most connections open to the emulator at once while the load ran. */
  connections: number;
}

/**
 * Does the BFF reuse its upstream connections? Runs the grant list through it at 10 connections
 * while counting the TCP connections open to the emulator (from /proc/net/tcp), and compares that
 * with how many upstream requests the emulator recorded. Run before anything else talks to the
 * emulator, so the connections counted are the BFF's. null where /proc is missing.
 */
export async function probeConnectionReuse(
  url: string,
  headers: Record<string, string>,
  emulatorUrl: string,
  control: EmulatorControl,
  seconds: number,
): Promise<ConnectionReuse | null> {
  const port = Number(new URL(emulatorUrl).port);
  if (establishedTo(port) === null) return null;
  await control.reset(); // an empty request log
  let connections = 0;
  const timer = setInterval(() => {
    connections = Math.max(connections, establishedTo(port) ?? 0);
  }, 100);
  try {
    await load({ url, headers, connections: 10, durationSeconds: seconds });
  } finally {
    clearInterval(timer);
  }
  const upstreamRequests = (await control.requests()).length;
  return { upstreamRequests, connections };
}
