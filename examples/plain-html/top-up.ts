// top-up.ts
import { createTopUpHandler } from "@creditkit/server";

// Stand-in for YOUR session lookup: who is asking, as a Paygentic customer and their metered
// entitlement (null when nobody is signed in → 401). This one signs everyone in as the
// emulator's demo customer Alice, so the example runs as is against `pnpm emulator`.
async function currentCustomer(_request: Request) {
  return { customerId: "cus_demoalice", entitlementId: "ent_demoalice" };
}

/** The CreditKit BFF: holds the Paygentic key and the catalog. */
export const topUp = createTopUpHandler({
  paygentic: { apiKey: process.env.PAYGENTIC_API_KEY ?? "", baseUrl: process.env.PAYGENTIC_BASE_URL ?? "" },
  catalog: {
    currency: "USD",
    packs: [
      { id: "starter", credits: 1000, price: "10.00", label: { en: "Starter", de: "Einstieg" } },
      { id: "growth", credits: 5000, price: "45.00", label: { en: "Growth", de: "Wachstum" }, badge: "-10%" },
    ],
  },
  resolveCustomer: currentCustomer,
  publicOrigin: process.env.CREDITKIT_PUBLIC_URL ?? "",
  returnPath: "/",
  basePath: "/api/topup",
  paymentHosts: (process.env.PAYMENT_HOSTS ?? "").split(","),
  webhookSecret: process.env.PAYGENTIC_WEBHOOK_SECRET || undefined,
  logger: console,
});
