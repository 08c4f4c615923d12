import { emulatorForFile } from "@creditkit/test-kit/file-emulator";
import { BASE, CUSTOMER_HEADER, handlerConfig } from "@creditkit/test-kit/handler-client";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createTopUpHandler } from "./handler.ts";
import { NEXT_METHODS, type NextRouteHandler, toNextHandlers } from "./next.ts";

const emu = await emulatorForFile();

describe("toNextHandlers", () => {
  it("returns a handler for every method a Next.js route module can export, and its type says so", () => {
    const handlers = toNextHandlers(createTopUpHandler(handlerConfig(emu)));
    expect(Object.keys(handlers).sort()).toEqual([...NEXT_METHODS].sort());
    // Checked by tsc (pnpm typecheck): exactly these seven keys, so a route file can destructure them all.
    expectTypeOf(handlers).toEqualTypeOf<{
      readonly GET: NextRouteHandler;
      readonly HEAD: NextRouteHandler;
      readonly POST: NextRouteHandler;
      readonly PUT: NextRouteHandler;
      readonly PATCH: NextRouteHandler;
      readonly DELETE: NextRouteHandler;
      readonly OPTIONS: NextRouteHandler;
    }>();
  });

  it("answers wrong methods with the contract's JSON 405, and HEAD like GET", async () => {
    const handlers = toNextHandlers(createTopUpHandler(handlerConfig(emu)));
    const send = (method: (typeof NEXT_METHODS)[number]) =>
      handlers[method](new Request(`${BASE}/catalog`, { method, headers: { [CUSTOMER_HEADER]: "acme-alice" } }));

    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"] as const) {
      const res = await send(method);
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow"), method).toBe("GET");
      expect((await res.json()).error.code, method).toBe("method_not_allowed");
    }
    expect((await send("GET")).status).toBe(200);
    expect((await send("HEAD")).status).toBe(200);
  });
});
