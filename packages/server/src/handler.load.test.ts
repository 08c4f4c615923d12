import { invoicesCreated } from "@creditkit/test-kit/invoices";
import {
  CUSTOMER_HEADER,
  ISSUE_PLAN,
  type LoadResult,
  loadSeed,
  runPurchaseLoad,
} from "@creditkit/test-kit/purchase-load";
import { TestRedisServer } from "@creditkit/test-kit/redis-server";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TopUpConfig } from "./config/config-types.ts";
import { derivePurchaseKeys } from "./purchase-keys.ts";
import { createMemoryStore } from "./store/memory-store.ts";
import { createRedisStore } from "./store/redis-store.ts";
import type { TopUpStore } from "./store/store-types.ts";
import { makeHandler } from "./test-support/make-handler.ts";

const purchaseIdOf = async (customerId: string, attemptKey: string) =>
  (await derivePurchaseKeys(customerId, attemptKey)).purchaseId;

/**
 * Issue 7's load: 50 concurrent clients across 50 customers send 500 create-purchase requests
 * reusing 100 attempt keys, mixed with 300 balance, grants and status reads, against the handler
 * and a real emulator seeded with 50 customers. Bounded by the request list; no timing asserted.
 */

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: loadSeed(ISSUE_PLAN.customers) });
});
afterAll(() => emu.emu.close());
beforeEach(() => emu.reset());

/** The seeded load customers, resolved from the test's "session" header. */
function loadCustomers() {
  const byExternalId = new Map(emu.emu.seedInfo().customers.map((c) => [c.externalId, c]));
  const resolveCustomer: TopUpConfig["resolveCustomer"] = (request) => {
    const c = byExternalId.get(request.headers.get(CUSTOMER_HEADER) ?? "");
    return c ? { customerId: c.customerId, entitlementId: c.entitlementId } : null;
  };
  const ids = Array.from({ length: ISSUE_PLAN.customers }, (_, i) => byExternalId.get(`load-${i}`)!.customerId);
  return { resolveCustomer, ids };
}

async function expectLoadHeld(result: LoadResult) {
  expect(result.requests).toBe(800);
  expect(result.byKind).toEqual({ create: 500, balance: 100, grants: 100, status: 100 });
  expect(result.problems).toEqual([]);
  expect(result.fiveHundreds).toBe(0);
  expect(result.statuses["create 201"]).toBe(500);
  expect(await invoicesCreated(emu)).toBe(100);
  // Every reuse of an attempt key answered the same purchase, byte for byte.
  expect(result.createdBodies.size).toBe(100);
  for (const bodies of result.createdBodies.values()) expect(bodies.size).toBe(1);
}

describe("the BFF under purchase load", () => {
  it("answers every request in the contract's shape, with no 5xx and exactly one invoice per attempt key", async () => {
    // The real memory store, watched: which invoices did the BFF record?
    const memory = createMemoryStore();
    const recordedInvoices = new Set<string>();
    const store: TopUpStore = {
      ...memory,
      putPurchase: (record, ttl) => {
        recordedInvoices.add(record.invoiceId);
        return memory.putPurchase(record, ttl);
      },
    };
    const customers = loadCustomers();
    const { handler } = makeHandler(emu, { store, resolveCustomer: customers.resolveCustomer });

    const result = await runPurchaseLoad(handler, ISSUE_PLAN, customers.ids, purchaseIdOf);

    await expectLoadHeld(result);
    expect(recordedInvoices.size).toBe(100); // the BFF recorded exactly the 100 invoices made
  }, 60_000);

  it("holds the same across two instances sharing one Redis, requests alternating between them", async () => {
    const redis = await TestRedisServer.start();
    const store = createRedisStore({ url: redis.url });
    try {
      await store.ready();
      const customers = loadCustomers();
      const instances = [0, 1].map(
        () => makeHandler(emu, { store, resolveCustomer: customers.resolveCustomer }).handler,
      );
      let turn = 0;
      const send = (request: Request) => instances[turn++ % 2]!(request);

      await expectLoadHeld(await runPurchaseLoad(send, ISSUE_PLAN, customers.ids, purchaseIdOf));
      expect((await store.client.keys("creditkit:purchase:*")).length).toBe(100);
    } finally {
      await store.close();
      await redis.kill();
    }
  }, 60_000);
});
