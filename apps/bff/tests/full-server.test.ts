import { type BuiltApp, hasProductionBuild, startBuiltApp } from "@creditkit/test-kit/built-app";
import { startTestEmulator, type TestEmulator } from "@creditkit/test-kit/test-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The production build served by `next start` beside a real emulator, driven over HTTP the way a
 * browser would: sign in, read, buy, return. Nothing the app answers may contain the secret key.
 */

const built = hasProductionBuild();
let emu: TestEmulator["emu"];
let app: BuiltApp;
let base: string;
const bodies: string[] = [];

beforeAll(async () => {
  // Without a build the test itself fails (below), by name; it is never skipped.
  if (!built) return;
  ({ emu } = await startTestEmulator());
  app = await startBuiltApp({
    paygenticUrl: emu.url,
    apiKey: emu.apiKey,
    webhookSecret: emu.webhookSecret,
    // One new purchase per minute, so the test can see CREDITKIT_PURCHASE_RATE_LIMIT reach the handler.
    purchaseRateLimit: "1/60",
  });
  base = app.url;
}, 40_000);

afterAll(async () => {
  await app?.stop();
  await emu?.close();
});

async function call(path: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.method && init.method !== "GET") {
    if (!headers.has("origin")) headers.set("origin", base);
    headers.set("content-type", "application/json");
  }
  const res = await fetch(`${base}${path}`, { ...init, headers, redirect: "manual" });
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, headers: res.headers, text };
}

describe("next start + emulator", () => {
  it("serves the demo end to end without ever answering the key", async () => {
    if (!built) throw new Error("apps/bff/.next is missing: run pnpm build first");
    const signin = await call("/signin");
    expect(signin.status).toBe(200);
    expect(signin.text).toContain("Sign in as");
    expect(signin.headers.get("content-security-policy")).toContain(`frame-src ${emu.url}`);
    expect(signin.headers.get("x-frame-options")).toBe("DENY");

    expect((await call("/")).status).toBe(307);
    const session = await call("/api/demo/session", { method: "POST", body: JSON.stringify({ customer: "acme-bob" }) });
    expect(session.status).toBe(200);
    const setCookie = session.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(";")[0]!;

    const dashboard = await call("/", { cookie });
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain("Bob");

    const balance = await call("/api/topup/balance", { cookie });
    expect(balance.status).toBe(200);
    expect(balance.headers.get("cache-control")).toBe("no-store");
    expect(balance.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await call("/api/topup/catalog", { cookie })).status).toBe(200);
    expect((await call("/api/topup/grants", { cookie })).status).toBe(200);
    expect((await call("/api/topup/balance")).status).toBe(401);

    const purchase = await call("/api/topup/purchases", {
      method: "POST",
      cookie,
      headers: { "idempotency-key": "full-server-0001" },
      body: JSON.stringify({ packId: "starter" }),
    });
    expect(purchase.status).toBe(201);
    const { purchaseId } = JSON.parse(purchase.text) as { purchaseId: string };
    expect((await call(`/api/topup/purchases/${purchaseId}`, { cookie })).status).toBe(200);

    const crossSite = await call("/api/topup/purchases", {
      method: "POST",
      cookie,
      headers: { "idempotency-key": "full-server-0002", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ packId: "starter" }),
    });
    expect(crossSite.status).toBe(403);

    const overLimit = await call("/api/topup/purchases", {
      method: "POST",
      cookie,
      headers: { "idempotency-key": "full-server-0003" },
      body: JSON.stringify({ packId: "starter" }),
    });
    expect(overLimit.status).toBe(429);
    const replay = await call("/api/topup/purchases", {
      method: "POST",
      cookie,
      headers: { "idempotency-key": "full-server-0001" },
      body: JSON.stringify({ packId: "starter" }),
    });
    expect(replay.status).toBe(201); // replays never count against the limit

    const foreignSignIn = await call("/api/demo/session", {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: JSON.stringify({ customer: "acme-alice" }),
    });
    expect(foreignSignIn.status).toBe(403);
    const unknown = await call("/api/demo/session", { method: "POST", body: JSON.stringify({ customer: "mallory" }) });
    expect(unknown.status).toBe(400);

    const signOut = await call("/api/demo/session", { method: "DELETE", cookie });
    expect(signOut.status).toBe(200);
    expect(signOut.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    for (const body of bodies) {
      expect(body).not.toContain(emu.apiKey);
      expect(body).not.toContain("sk_test_");
    }
  });
});
