import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import type { SlowBodyRelay } from "./slow-body-relay.ts";

/**
 * The upstream faults every BFF route is put through (handler.fault-matrix.test.ts), and what the
 * contract says each must become. The handler under test uses RETRIES and TIMEOUT_MS.
 */

export const RETRIES = 1;
export const TIMEOUT_MS = 400;
/** Longer than TIMEOUT_MS: an answer this late is a timeout. */
const LATE_MS = 1500;

export type Expected =
  | { ok: true }
  | { ok: false; status: number; code: string; retryAfterSeconds?: number; header?: string };

export interface UpstreamTarget {
  /** "*" for any method. */
  method: string;
  path: string;
}

export interface FaultCase {
  name: string;
  inject(emu: TestEmulator, relay: SlowBodyRelay, target: UpstreamTarget): Promise<unknown>;
  expected: Expected;
  /** Calls the faulted upstream path receives: once, or once plus every retry. */
  attempts: "once" | "retried";
}

const emulatorFault =
  (spec: Record<string, unknown>): FaultCase["inject"] =>
  (emu, _relay, { method, path }) =>
    emu.fault({ ...(method !== "*" && { method }), path, ...spec });

export const FAULTS: FaultCase[] = [
  {
    name: "500",
    inject: emulatorFault({ status: 500 }),
    expected: { ok: false, status: 502, code: "upstream_error" },
    attempts: "once", // a 500 is not known to be transient: not retried
  },
  {
    name: "502",
    inject: emulatorFault({ status: 502 }),
    expected: { ok: false, status: 502, code: "upstream_error" },
    attempts: "retried",
  },
  {
    name: "503 with Retry-After",
    // Longer than the client waits (5 s): passed on to the widget instead of held.
    inject: emulatorFault({ status: 503, retryAfter: 7 }),
    expected: { ok: false, status: 503, code: "upstream_unavailable", retryAfterSeconds: 7, header: "7" },
    attempts: "once",
  },
  {
    name: "429",
    inject: emulatorFault({ status: 429, retryAfter: 0 }),
    expected: { ok: false, status: 503, code: "upstream_unavailable" },
    attempts: "retried",
  },
  {
    name: "timeout",
    inject: emulatorFault({ delayMs: LATE_MS }),
    expected: { ok: false, status: 504, code: "upstream_timeout" },
    attempts: "retried",
  },
  {
    name: "connection reset",
    inject: emulatorFault({ reset: true }),
    expected: { ok: false, status: 503, code: "upstream_unavailable" },
    attempts: "retried",
  },
  {
    name: "malformed body",
    inject: emulatorFault({ body: "malformed" }),
    expected: { ok: false, status: 502, code: "upstream_invalid_response" },
    attempts: "once", // the same request would get the same answer
  },
  {
    name: "schema-drifted body",
    inject: emulatorFault({ body: "schema-drift" }),
    expected: { ok: false, status: 502, code: "upstream_invalid_response" },
    attempts: "once",
  },
  {
    name: "slow body",
    // Headers at once, the body stalls past the timeout (the emulator has no such fault).
    inject: async (_emu, relay, target) => relay.stall({ ...target, stallMs: LATE_MS }),
    expected: { ok: false, status: 504, code: "upstream_timeout" },
    attempts: "retried",
  },
  {
    name: "slow answer within the timeout",
    inject: emulatorFault({ delayMs: 50 }),
    expected: { ok: true },
    attempts: "once",
  },
];
