import { creditsText, usd } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { bffGet } from "../support/purchases.ts";
import { snap } from "../support/screens.ts";

// Customer: Alice (no purchases in this file).

test("the sign-in page lists the demo customers and signs one in", async ({ page, signIn }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(3);
  await snap(page, "sign-in");
  await signIn("acme-alice");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Signed in as Alice Martin")).toBeVisible();
});

test("without a session the dashboard sends the customer to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  const api = await page.request.get("/api/topup/balance");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthenticated");
});

test("balance, packs and the first grants are in the server-rendered HTML", async ({ page, signIn }) => {
  await signIn("acme-alice");
  // The raw HTML of `/` with the session cookie, before any script runs.
  const res = await page.request.get("/");
  expect(res.status()).toBe(200);
  const html = await res.text();

  const balance = await bffGet<{ balance: number }>(page, "/balance");
  const catalog = await bffGet<{ packs: Array<{ label: string; credits: number; price: string }> }>(page, "/catalog");
  const grants = await bffGet<{ grants: Array<{ id: string; amount: number }> }>(page, "/grants?limit=10");

  expect(html).toContain(`>${creditsText(balance.balance)}<`);
  for (const pack of catalog.packs) {
    expect(html).toContain(`>${pack.label}<`);
    expect(html).toContain(`>${creditsText(pack.credits)}<`);
    expect(html).toContain(`>${usd(pack.price)}<`);
  }
  // The first page of the history: one row per grant, newest first, amounts in order.
  const rows = [...html.matchAll(/<tr class="ck-grant[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "");
  expect(rows).toHaveLength(grants.grants.length);
  rows.forEach((row, i) => {
    expect(row).toContain(`>${(grants.grants[i]?.amount ?? -1).toLocaleString("en-US")}<`);
  });
  // Nothing was left for the browser to load: no skeletons, no error notices.
  expect(html).not.toContain("ck-skeleton");
  expect(html).not.toContain('role="alert"');
});

test("signing out revokes the session: a kept copy of the cookie gets the sign-in page and a 401", async ({
  page,
  context,
  signIn,
}) => {
  await signIn("acme-alice");
  const kept = (await context.cookies()).find((c) => c.name === "ck_demo_session");
  expect(kept).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  // Another tab, or someone who copied it, replays the old cookie.
  await context.addCookies([kept!]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  const api = await page.request.get("/api/topup/balance");
  expect(api.status()).toBe(401);
});

test("two session cookies are no session: the page sends to the sign-in and the API answers 401", async ({
  page,
  context,
  signIn,
}) => {
  await signIn("acme-bob");
  const bob = (await context.cookies()).find((c) => c.name === "ck_demo_session");
  await context.clearCookies();
  await signIn("acme-alice");
  const alice = (await context.cookies()).find((c) => c.name === "ck_demo_session");
  await context.clearCookies();
  const cookie = `ck_demo_session=${alice?.value}; ck_demo_session=${bob?.value}`;
  const html = await page.request.get("/", { headers: { cookie }, maxRedirects: 0 });
  expect(html.status()).toBe(307);
  expect(html.headers().location).toMatch(/\/signin$/);
  const api = await page.request.get("/api/topup/balance", { headers: { cookie } });
  expect(api.status()).toBe(401);
  // Each alone still works: it is the ambiguity that is refused.
  const one = await page.request.get("/api/topup/balance", { headers: { cookie: `ck_demo_session=${alice?.value}` } });
  expect(one.status()).toBe(200);
});
