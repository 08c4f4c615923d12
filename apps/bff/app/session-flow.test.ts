import { type Emulator, startEmulator } from "@creditkit/emulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pointRuntimeAt } from "../lib/test-support/runtime-env.ts";

/**
 * The demo's session as the page (app/page.tsx) and the API (the runtime's resolveCustomer) see
 * it, through the real modules: one reader of the cookie for both, and a sign-out that revokes.
 * next/headers and next/navigation are the only stand-ins (there is no Next request here).
 */
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: request.cookie }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));

const PUBLIC_URL = "http://127.0.0.1:3998";
let restoreEnv: () => void = () => {};
let emulator: Emulator;
let route: typeof import("./api/demo/session/route.ts");
let runtime: typeof import("../lib/runtime.ts");
let page: typeof import("./page.tsx");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  restoreEnv = pointRuntimeAt(emulator, PUBLIC_URL);
  [route, runtime, page] = await Promise.all([
    import("./api/demo/session/route.ts"),
    import("../lib/runtime.ts"),
    import("./page.tsx"),
  ]);
}, 20_000);
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});

const sameOrigin = { origin: PUBLIC_URL, "sec-fetch-site": "same-origin" };

/** Signs in through the route; the Cookie header a browser would send back. */
async function signIn(customer: string): Promise<string> {
  const res = await route.POST(
    new Request(`${PUBLIC_URL}/api/demo/session`, {
      method: "POST",
      headers: { ...sameOrigin, "content-type": "application/json" },
      body: JSON.stringify({ customer }),
    }),
  );
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") as string).split(";")[0] as string;
}

async function balanceStatus(cookie: string): Promise<number> {
  return (await runtime.topUpHandler(new Request(`${PUBLIC_URL}/api/topup/balance`, { headers: { cookie } }))).status;
}

/** What the dashboard page does for a request with this Cookie header: whom it shows, or where it sends. */
async function pageFor(cookie: string): Promise<string> {
  request.cookie = cookie;
  try {
    const element = await page.default({ searchParams: Promise.resolve({}) });
    const text = JSON.stringify(element, (key, value) => (key === "_owner" || key === "_store" ? undefined : value));
    return /Signed in as[^A-Z]*([A-Z][a-z]+ [A-Z][a-z]+)/.exec(text)?.[1] ?? text.slice(0, 200);
  } catch (error) {
    const match = /NEXT_REDIRECT (\S+)/.exec((error as Error).message);
    if (!match) throw error;
    return `redirect ${match[1]}`;
  }
}

describe("the demo session", () => {
  it("is read the same way by the page and the API", async () => {
    const alice = await signIn("acme-alice");
    expect(await pageFor(alice)).toBe("Alice Martin");
    expect(await balanceStatus(alice)).toBe(200);
    expect(await pageFor("")).toBe("redirect /signin");
    expect(await balanceStatus("")).toBe(401);
  });

  it("with two session cookies is no session: the page shows the sign-in and the API answers 401", async () => {
    const alice = await signIn("acme-alice");
    const bob = await signIn("acme-bob");
    for (const cookie of [`${alice}; ${bob}`, `${bob}; theme=dark; ${alice}`]) {
      expect(await pageFor(cookie), cookie).toBe("redirect /signin");
      expect(await balanceStatus(cookie), cookie).toBe(401);
    }
  });

  it("is revoked by signing out: replaying the old cookie is 401 from the API and the sign-in from the page", async () => {
    const alice = await signIn("acme-alice");
    const other = await signIn("acme-alice"); // another device of the same customer: not signed out
    expect(await balanceStatus(alice)).toBe(200);
    const out = await route.DELETE(
      new Request(`${PUBLIC_URL}/api/demo/session`, { method: "DELETE", headers: { ...sameOrigin, cookie: alice } }),
    );
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^ck_demo_session=;.*Max-Age=0/);
    expect(await balanceStatus(alice)).toBe(401);
    expect(await pageFor(alice)).toBe("redirect /signin");
    for (const path of ["/grants", "/catalog"]) {
      const res = await runtime.topUpHandler(
        new Request(`${PUBLIC_URL}/api/topup${path}`, { headers: { cookie: alice } }),
      );
      expect(res.status, path).toBe(401);
    }
    expect(await balanceStatus(other)).toBe(200);
    expect(await pageFor(other)).toBe("Alice Martin");
  });

  it("signs out every session cookie a request carries", async () => {
    const alice = await signIn("acme-alice");
    const bob = await signIn("acme-bob");
    const out = await route.DELETE(
      new Request(`${PUBLIC_URL}/api/demo/session`, {
        method: "DELETE",
        headers: { ...sameOrigin, cookie: `${alice}; ${bob}` },
      }),
    );
    expect(out.status).toBe(200);
    expect(await balanceStatus(alice)).toBe(401);
    expect(await balanceStatus(bob)).toBe(401);
  });
});
