import { type Emulator, type EmulatorOptions, startEmulator } from "@creditkit/emulator";
import {
  createEmulatorControl,
  type EmulatorControl,
  type PaymentSessionOutcome,
  paymentSessionIdOf,
} from "@creditkit/emulator/control";

/**
 * A real emulator in this process on 127.0.0.1:0 (deterministic ids), with the emulator's own
 * control client on top, so every suite drives it through the same typed calls that the
 * Playwright fixture and the benchmarks use.
 */

/** The demo seed's customers. */
export type Who = "acme-alice" | "acme-bob" | "acme-carol";

export type SessionAction = "complete" | "decline" | "cancel";

export interface SeededCustomer {
  customerId: string;
  entitlementId: string;
  externalId: string;
}

export interface TestEmulator extends EmulatorControl {
  /** The in-process emulator: apiKey, webhookSecret, seedInfo(), its HTTP server, close(). */
  emu: Emulator;
  /** A seeded customer by external id ("acme-alice"); throws when the seed has none. */
  customer(externalId: Who | (string & {})): SeededCustomer;
  /** Completes, declines or cancels the payment session behind a hosted payment URL. */
  session(paymentUrl: string, action: SessionAction): Promise<PaymentSessionOutcome>;
  /** A raw control-route call (`/__emulator/…`), for what the typed client does not cover. */
  call(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ port: 0, deterministic: true, ...options });
  const control = createEmulatorControl(emu.url);
  const sessionActions = {
    complete: control.completeSession,
    decline: control.declineSession,
    cancel: control.cancelSession,
  };
  return {
    ...control,
    emu,
    customer(externalId) {
      const found = emu.seedInfo().customers.find((c) => c.externalId === externalId);
      if (!found) throw new Error(`the emulator's seed has no customer ${externalId}`);
      return found;
    },
    session: (paymentUrl, action) => sessionActions[action](paymentSessionIdOf(paymentUrl)),
    call: (method, path, body) => controlCall(emu.url, method, path, body),
    close: () => emu.close(),
  };
}

async function controlCall(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`emulator ${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}
