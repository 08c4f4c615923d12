import { bundleForEdge } from "@creditkit/test-kit/edge-runtime";
import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { BASE, handlerConfig, ORIGIN } from "@creditkit/test-kit/handler-client";
import { EdgeVM } from "@edge-runtime/vm";
import { describe, expect, it } from "vitest";
import { derivePurchaseKeys } from "./purchase-keys.ts";

/**
 * The handler runs on edge runtimes (Vercel Edge, Cloudflare Workers, Deno), which have the web
 * platform but no Node built-ins. `@creditkit/server` is bundled for the browser platform, where
 * any `node:*` import fails the build, and the bundle is run in Vercel's Edge Runtime VM (no
 * `process`, `Buffer` or `require`), buying a pack from a real emulator over loopback.
 */

const emu = await emulatorForFile();

describe("@creditkit/server on an edge runtime", () => {
  it("bundles without Node built-ins and sells a pack inside the Edge Runtime VM", async () => {
    const vm = new EdgeVM();
    expect(vm.evaluate("typeof process + typeof Buffer + typeof require")).toBe("undefinedundefinedundefined");
    vm.evaluate(await bundleForEdge(`${import.meta.dirname}/index.ts`, "CreditKitServer"));

    const alice = emu.customer("acme-alice");
    const { resolveCustomer: _outerRealm, ...config } = handlerConfig(emu);
    vm.context.__config = JSON.stringify({ ...config, customer: alice });
    vm.context.__request = JSON.stringify({ base: BASE, origin: ORIGIN });
    const answer: { status: number; body: string } = await vm.evaluate(`(async () => {
      const { customer, ...config } = JSON.parse(__config);
      const { base, origin } = JSON.parse(__request);
      const handler = CreditKitServer.createTopUpHandler({ ...config, resolveCustomer: async () => customer });
      const response = await handler(new Request(base + "/purchases", {
        method: "POST",
        headers: { origin, "sec-fetch-site": "same-origin", "content-type": "application/json", "idempotency-key": "edge-attempt-1" },
        body: JSON.stringify({ packId: "starter" }),
      }));
      return { status: response.status, body: await response.text() };
    })()`);

    expect(answer.status, answer.body).toBe(201);
    // The purchase id is the Web Crypto hash, the same inside the VM as in Node.
    const { purchaseId } = await derivePurchaseKeys(alice.customerId, "edge-attempt-1");
    expect(JSON.parse(answer.body)).toMatchObject({ purchaseId, packId: "starter" });
  });
});
