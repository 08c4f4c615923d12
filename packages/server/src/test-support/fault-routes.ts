import type { Answer } from "@creditkit/test-kit/contract-shapes";
import type { Client } from "@creditkit/test-kit/handler-client";
import type { TestEmulator } from "@creditkit/test-kit/test-emulator";
import type { UpstreamTarget } from "./fault-table.ts";
import { deliver, paidEvent, signed } from "./webhooks.ts";

/**
 * Every BFF route, as the fault matrix drives it: what state it needs first (built through a
 * healthy handler), which upstream call the fault hits, and the call itself through the faulty one.
 */

export interface Prepared {
  purchaseId?: string;
  paymentUrl?: string;
  invoiceId?: string;
  grantId?: string;
  /** Paid at Paygentic (the customer completed the payment page). */
  paid: boolean;
}

export interface RouteCase {
  name: string;
  /** The upstream call to spoil; "*" / "/**" for routes that make none (they must not care). */
  target: UpstreamTarget;
  /** Whether this route makes no upstream call at all. */
  offline: boolean;
  okStatus: number;
  prepare(healthy: Client, emu: TestEmulator): Promise<Prepared>;
  call(faulty: Client, prepared: Prepared, emu: TestEmulator): Promise<Answer>;
}

const ATTEMPT = "fault-matrix-attempt";

async function createPurchase(healthy: Client): Promise<Prepared> {
  const res = await healthy.buy({ packId: "starter" }, ATTEMPT);
  if (res.status !== 201) throw new Error(`setup purchase failed: ${res.status} ${res.text}`);
  return { purchaseId: res.json.purchaseId, paymentUrl: res.json.paymentUrl, paid: false };
}

async function paidPurchase(healthy: Client, emu: TestEmulator): Promise<Prepared> {
  const created = await createPurchase(healthy);
  const done = (await emu.session(created.paymentUrl!, "complete")) as { invoiceId: string };
  const newest = (await healthy.get("/grants?limit=1")).json.grants[0] as { id: string; purchaseId: string | null };
  if (newest.purchaseId !== created.purchaseId) throw new Error("setup: the purchase's grant is not the newest");
  return { ...created, invoiceId: done.invoiceId, grantId: newest.id, paid: true };
}

export const ROUTES: RouteCase[] = [
  {
    name: "GET /catalog",
    target: { method: "*", path: "/**" },
    offline: true,
    okStatus: 200,
    prepare: async () => ({ paid: false }),
    call: (c) => c.get("/catalog"),
  },
  {
    name: "GET /balance",
    target: { method: "GET", path: "/v1/entitlements/*" },
    offline: false,
    okStatus: 200,
    prepare: async () => ({ paid: false }),
    call: (c) => c.get("/balance"),
  },
  {
    name: "GET /grants",
    target: { method: "GET", path: "/v1/entitlements/*/grants" },
    offline: false,
    okStatus: 200,
    prepare: async () => ({ paid: false }),
    call: (c) => c.get("/grants"),
  },
  {
    name: "POST /purchases (entitlement check)",
    target: { method: "GET", path: "/v1/entitlements/*" },
    offline: false,
    okStatus: 201,
    prepare: async () => ({ paid: false }),
    call: (c) => c.buy({ packId: "starter" }, ATTEMPT),
  },
  {
    name: "POST /purchases (purchase call)",
    target: { method: "POST", path: "/v1/entitlements/*/grants/purchase" },
    offline: false,
    okStatus: 201,
    prepare: async () => ({ paid: false }),
    call: (c) => c.buy({ packId: "starter" }, ATTEMPT),
  },
  {
    name: "GET /purchases/{id} (pending: invoice read)",
    target: { method: "GET", path: "/v2/invoices/*" },
    offline: false,
    okStatus: 200,
    prepare: (healthy) => createPurchase(healthy),
    call: (c, p) => c.get(`/purchases/${p.purchaseId}`),
  },
  {
    name: "GET /purchases/{id} (paid: grant lookup)",
    target: { method: "GET", path: "/v1/entitlements/*/grants" },
    offline: false,
    okStatus: 200,
    prepare: paidPurchase,
    call: (c, p) => c.get(`/purchases/${p.purchaseId}`),
  },
  {
    // Settled by a webhook: the grant it names is read once, to verify it is the purchase's own.
    name: "GET /purchases/{id} (settled by webhook: grant read)",
    target: { method: "GET", path: "/v1/entitlements/*/grants/*" },
    offline: false,
    okStatus: 200,
    prepare: async (healthy, emu) => {
      const paid = await paidPurchase(healthy, emu);
      const delivered = await deliver(
        healthy,
        signed(emu.emu.webhookSecret, paidEvent(paid.invoiceId!, paid.grantId!)),
      );
      if (delivered.status !== 200) throw new Error(`setup: the webhook was refused: ${delivered.status}`);
      return paid;
    },
    call: (c, p) => c.get(`/purchases/${p.purchaseId}`),
  },
  {
    // Settled and verified (by an earlier poll): answered from the store, Paygentic is not asked.
    name: "GET /purchases/{id} (settled and verified)",
    target: { method: "*", path: "/**" },
    offline: true,
    okStatus: 200,
    prepare: async (healthy, emu) => {
      const paid = await paidPurchase(healthy, emu);
      const first = await healthy.get(`/purchases/${paid.purchaseId}`); // settles the record
      if (first.json.status !== "paid") throw new Error("setup: the purchase did not settle");
      return paid;
    },
    call: (c, p) => c.get(`/purchases/${p.purchaseId}`),
  },
  {
    name: "POST /webhooks/paygentic",
    target: { method: "*", path: "/**" },
    offline: true,
    okStatus: 200,
    prepare: paidPurchase,
    call: (c, p, emu) => deliver(c, signed(emu.emu.webhookSecret, paidEvent(p.invoiceId!, p.grantId!))),
  },
];
