import type { PaygenticClient } from "@creditkit/paygentic";
import type { BffEnv } from "./env.ts";

/** A customer the demo sign-in page offers. */
export interface DemoCustomer {
  externalId: string;
  name: string;
  email: string | null;
}

export interface DirectoryEntry extends DemoCustomer {
  customerId: string;
  entitlementId: string;
}

interface SeedInfo {
  merchantId: string;
  merchantName: string;
  customers: Array<{ externalId: string; name: string; email: string }>;
}

const CACHE_MS = 5 * 60_000;

/**
 * Maps the demo session's customer (an external id like "acme-alice") to Paygentic ids:
 * GET /v0/customers?organizationId&externalId, then the customer's active metered entitlement
 * from GET /v1/entitlements. Answers are cached in-process, per external id.
 *
 * The list of demo customers comes from the emulator's seed in emulator mode, or from
 * DEMO_CUSTOMERS (comma-separated external ids) and PAYGENTIC_MERCHANT_ID against a real account.
 */
export function createCustomerDirectory(
  client: PaygenticClient,
  env: BffEnv,
  vars: Record<string, string | undefined>,
) {
  let seed: Promise<SeedInfo | null> | undefined;
  const cache = new Map<string, { entry: Promise<DirectoryEntry | null>; at: number }>();

  function loadSeed(): Promise<SeedInfo | null> {
    if (!env.emulatorMode) return Promise.resolve(null);
    seed ??= fetch(new URL("/__emulator/seed", env.paygenticBaseUrl), { signal: AbortSignal.timeout(3000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`the emulator answered ${res.status} for its seed`);
        return (await res.json()) as SeedInfo;
      })
      .catch((error: unknown) => {
        seed = undefined; // try again on the next request: the emulator may just be starting
        throw error;
      });
    return seed;
  }

  async function list(): Promise<DemoCustomer[]> {
    const info = await loadSeed();
    if (info) return info.customers.map((c) => ({ externalId: c.externalId, name: c.name, email: c.email }));
    return (vars.DEMO_CUSTOMERS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((externalId) => ({ externalId, name: externalId, email: null }));
  }

  async function lookUp(externalId: string): Promise<DirectoryEntry | null> {
    const known = (await list()).find((c) => c.externalId === externalId);
    if (!known) return null;
    const organizationId = (await loadSeed())?.merchantId ?? vars.PAYGENTIC_MERCHANT_ID;
    let customerId: string | undefined;
    if (organizationId) {
      const customers = await client.customers.list({ organizationId, externalId, limit: 1 });
      customerId = customers.data[0]?.id;
    }
    const entitlements = customerId
      ? await client.entitlements.list({ customerId, limit: 100 })
      : await client.entitlements.list({ externalCustomerId: externalId, limit: 100 });
    const metered = entitlements.data.find((e) => e.featureType === "metered" && e.status === "active");
    if (!metered) return null;
    return { ...known, customerId: customerId ?? metered.customerId, entitlementId: metered.entitlementId };
  }

  return {
    list,
    merchantName: async () => (await loadSeed())?.merchantName ?? "Acme Cloud",
    /** The Paygentic ids behind a signed-in external id, or null when it is not a demo customer. */
    resolve(externalId: string): Promise<DirectoryEntry | null> {
      const hit = cache.get(externalId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.entry;
      const entry = lookUp(externalId);
      cache.set(externalId, { entry, at: Date.now() });
      entry.catch(() => cache.delete(externalId));
      return entry;
    },
  };
}

export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;
