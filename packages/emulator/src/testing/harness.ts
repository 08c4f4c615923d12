import { createPaygenticClient, type PaygenticClient, PaygenticError } from "@creditkit/paygentic";
import { afterAll, beforeEach } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../start-emulator.ts";

/** The instant test emulators start at: seeds and clock moves are relative to it. */
export const T0 = "2026-03-15T12:00:00.000Z";

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read raw answers loosely; the client tests check shapes.
  json: any;
}

export interface TestEmulator {
  emu: Emulator;
  client: PaygenticClient;
  /** An API call with the seeded key (or `headers` to override). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  /** A control-route call (no auth). */
  control(method: string, path: string, body?: unknown): Promise<RawResponse>;
  alice: { customerId: string; entitlementId: string; externalId: string };
  close(): Promise<void>;
}

async function raw(url: string, init: RequestInit): Promise<RawResponse> {
  const res = await fetch(url, { redirect: "manual", ...init });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A deterministic emulator on 127.0.0.1:0 starting at T0, with a client that never retries. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ deterministic: true, now: T0, ...options });
  const client = createPaygenticClient({ apiKey: emu.apiKey, baseUrl: emu.url, retries: 0 });
  const alice = emu.seedInfo().customers[0];
  if (!alice) throw new Error("the seed has no customers");
  const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    raw(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
    });
  return {
    emu,
    client,
    alice,
    api: (method, path, body, headers) =>
      send(method, path, body, { authorization: `Bearer ${emu.apiKey}`, ...headers }),
    control: (method, path, body) => send(method, path, body, {}),
    close: () => emu.close(),
  };
}

/**
 * A test file's emulator: started at once (the file awaits it at top level), reset to its seed
 * before each test, closed after the file's last test. (The emulator's own suites cannot use
 * @creditkit/test-kit's emulatorForFile: the kit depends on the emulator.)
 */
export async function emulatorForFile(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const t = await startTestEmulator(options);
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control("POST", "/__emulator/reset");
  });
  return t;
}

/** The PaygenticError a call failed with (fails the test when it succeeded). */
export async function failure(call: Promise<unknown> | (() => Promise<unknown>)): Promise<PaygenticError> {
  try {
    await (typeof call === "function" ? call() : call);
  } catch (error) {
    if (error instanceof PaygenticError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The fields a 400 ValidationError names, in order. */
export function namedFields(res: RawResponse): string[] {
  return (res.json?.errors ?? []).map((e: { field: string }) => e.field);
}

/** GET /v1/entitlements/{id} through the client, narrowed to a metered entitlement. */
export async function meteredOf(client: PaygenticClient, id: string, query: { at?: string } = {}) {
  const detail = await client.entitlements.get(id, query);
  if (detail.featureType !== "metered") throw new Error(`${id} is not metered`);
  return detail;
}
