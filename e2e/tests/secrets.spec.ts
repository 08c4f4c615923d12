import { Dashboard } from "../support/dashboard.ts";
import { expect, test } from "../support/fixtures.ts";
import { SecretWatch } from "../support/secret-watch.ts";

// Customer: Bob (7 purchase attempts). Every test is already watched by the keyWatch fixture (responses,
// console, final HTML, the app's log); this one goes looking on purpose: every script and
// stylesheet the pages load, and error answers of every kind, including upstream failures.

test("the secret key is in no page, bundle, API answer or error, and not in the app's log", async ({
  page,
  signIn,
  emulator,
  app,
}) => {
  const watch = new SecretWatch({ "the Paygentic secret key": emulator.apiKey });
  const logFrom = app.output().length;
  const assets = new Set<string>();
  page.on("response", (res) => {
    if (/\.(js|css)(\?|$)/.test(new URL(res.url()).pathname)) assets.add(res.url());
  });

  await page.goto("/signin");
  watch.check("sign-in HTML", await page.content());
  await signIn("acme-bob");
  const dashboard = new Dashboard(page);
  watch.check("dashboard HTML (server-rendered)", await (await page.request.get("/")).text());
  watch.check("dashboard HTML (hydrated)", await page.content());

  // Upstream failures of every kind reach the browser only as the contract's errors.
  for (const fault of [
    { status: 401 },
    { status: 500 },
    { status: 503, retryAfter: 0 },
    { body: "malformed" as const },
    { body: "schema-drift" as const },
    { reset: true as const },
  ]) {
    await emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", ...fault });
    const res = await page.request.post("/api/topup/purchases", {
      headers: { "idempotency-key": `e2e_secret_${Object.values(fault).join("_")}`, origin: app.url },
      data: { packId: "starter" },
    });
    expect(res.status(), JSON.stringify(fault)).toBeGreaterThanOrEqual(500);
    watch.check(`purchase under ${JSON.stringify(fault)}`, await res.text());
    await emulator.clearFaults();
  }
  // Bad input of every kind, and routes that do not exist.
  for (const [method, path, data] of [
    ["GET", "/api/topup/purchases/pur_00000000000000000000000000000000", undefined],
    ["GET", "/api/topup/grants?limit=1000", undefined],
    ["GET", "/api/topup/nothing-here", undefined],
    ["POST", "/api/topup/purchases", { packId: "starter", price: "0.01" }],
    ["POST", "/api/topup/webhooks/paygentic", { eventType: "invoice.paid.v0" }],
  ] as const) {
    const res = await page.request.fetch(path, {
      method,
      headers: { "idempotency-key": "e2e_secret_bad_input", origin: app.url },
      ...(data ? { data } : {}),
    });
    expect(res.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
    watch.check(`${method} ${path}`, await res.text());
  }

  // A whole purchase, the hosted page included.
  await dashboard.buy();
  watch.check("hosted page HTML", await page.content());
  await emulator.pay(page);
  await expect(dashboard.outcomeMessage).toHaveText("1,000 credits added to your balance.");

  expect(assets.size).toBeGreaterThan(0);
  for (const url of assets) watch.check(url, await (await page.request.get(url)).body());
  watch.check("the app's log", app.output().slice(logFrom));
  const { leaks, checked } = await watch.settle();
  expect(leaks).toEqual([]);
  expect(checked).toBeGreaterThan(assets.size + 10);
});
