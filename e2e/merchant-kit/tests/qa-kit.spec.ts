// e2e/qa-kit.spec.ts
import {
  creditKitWidget,
  expect,
  OUTCOME_MESSAGES,
  type PlaywrightEmulator,
  test,
} from "@creditkit/emulator/playwright";
import type { Page } from "@playwright/test";

// Only the public kit: the emulator fixture, its hosted-page moves, the clock, faults, webhook
// helpers and the widget's page object. The sign-in is the reference app's: use your own.

test.beforeEach(({ emulator }) => emulator.reset());

/** The merchant's own sign-in (here: the reference app's demo page). */
async function signIn(page: Page, name: "Alice" | "Bob" | "Carol") {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** What the widget shows for a credit count in English ("1,000 credits"). */
const credits = (n: number) => `${n.toLocaleString("en-US")} credits`;

async function grantsFor(emulator: PlaywrightEmulator, customer: string, invoiceId: string) {
  const purchase = (await emulator.purchaseDetails()).find((p) => p.invoiceId === invoiceId);
  return (await emulator.grants(customer)).filter((g) => g.idempotencyKey === purchase?.idempotencyKey);
}

test("paid: credited once, shown in the balance and the history", async ({ page, emulator }) => {
  await signIn(page, "Alice");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy("Starter");
  await emulator.pay(page);

  await expect(widget.outcome(OUTCOME_MESSAGES.paid(credits(1000)))).toBeVisible();
  await widget.expectBalance(before + 1000);
  await expect(widget.historyRows().first()).toContainText("1,000");
  const purchase = await emulator.lastPurchase();
  expect([purchase.invoiceStatus, purchase.credits, purchase.price]).toEqual(["PAID", 1000, "10.00"]);
  expect(await grantsFor(emulator, "acme-alice", purchase.invoiceId)).toHaveLength(1);
});

test("cancelled: nothing credited, Try again offered", async ({ page, emulator }) => {
  await signIn(page, "Bob");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.cancel(page);

  const outcome = widget.outcome(OUTCOME_MESSAGES.cancelled);
  await expect(outcome).toBeVisible();
  await expect(outcome.getByRole("button", { name: "Try again" })).toBeVisible();
  expect((await emulator.lastPurchase()).invoiceStatus).toBe("CANCELLED");
  expect(await widget.balance()).toBe(before);
});

test("declined, then paid with another card: credited once", async ({ page, emulator }) => {
  await signIn(page, "Carol");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy("Growth");
  await emulator.decline(page);
  await emulator.pay(page);

  await expect(widget.outcome(OUTCOME_MESSAGES.paid(credits(5000)))).toBeVisible();
  await widget.expectBalance(before + 5000);
  const { invoiceId } = await emulator.lastPurchase();
  const transitions = (await emulator.invoice(invoiceId)).metadata?.transitions ?? [];
  const statuses = (transitions as Array<{ status: string }>).map((t) => t.status);
  expect(statuses).toEqual(["ISSUED", "PAYMENT_FAILED", "PAID"]);
});

test("insufficient funds: the page says so; the customer who leaves sees the payment failed", async ({
  page,
  emulator,
}) => {
  await signIn(page, "Alice");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.insufficientFunds(page);
  const purchase = await emulator.lastPurchase();
  expect([purchase.invoiceStatus, purchase.failureReason]).toEqual(["PAYMENT_FAILED", "INSUFFICIENT_FUNDS"]);

  // Back at the merchant through the return address while the invoice says PAYMENT_FAILED.
  await page.goto(purchase.successUrl as string);
  await expect(widget.outcome(OUTCOME_MESSAGES.failed)).toBeVisible();
  expect(await widget.balance()).toBe(before);
});

test("a card that needs authentication: failed once, then confirmed and paid", async ({ page, emulator }) => {
  await signIn(page, "Bob");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.authenticate(page);
  await emulator.failAuthentication(page);
  expect((await emulator.lastPurchase()).failureReason).toBe("AUTHENTICATION_FAILED");
  await emulator.authenticate(page);
  await emulator.confirmAuthentication(page);

  await expect(widget.outcome(OUTCOME_MESSAGES.paid(credits(1000)))).toBeVisible();
  await widget.expectBalance(before + 1000);
});

test("a payment that stays processing: pending until released, then credited", async ({ page, emulator }) => {
  await signIn(page, "Carol");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.hold(page);

  await expect(widget.outcome(OUTCOME_MESSAGES.pending)).toBeVisible();
  expect((await emulator.lastPurchase()).invoiceStatus).toBe("ISSUED");
  expect(await widget.balance()).toBe(before);
  await emulator.release();
  await expect(widget.outcome(OUTCOME_MESSAGES.paid(credits(1000)))).toBeVisible();
  await widget.expectBalance(before + 1000);
});

test("expired: back from the lapsed payment page, the widget says expired", async ({ page, emulator }) => {
  await signIn(page, "Alice");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.expire(page);

  await expect(widget.outcome(OUTCOME_MESSAGES.expired)).toBeVisible();
  expect((await emulator.lastPurchase()).invoiceStatus).toBe("CANCELLED");
  expect(await widget.balance()).toBe(before);
});

test("outage: Paygentic down, the widget says so and nothing is bought", async ({ page, emulator }) => {
  await signIn(page, "Bob");
  const widget = creditKitWidget(page);
  await emulator.fault({ method: "POST", path: "/v1/entitlements/*/grants/purchase", status: 503, times: 10 });
  await widget.buyButton.click();

  await expect(widget.alert("Payment service unavailable. Please try again.")).toBeVisible();
  expect(await emulator.purchaseDetails()).toEqual([]);
  await emulator.clearFaults();
});

test("webhook: delivered, signed, and a redelivery or a replay credits nothing more", async ({ page, emulator }) => {
  await signIn(page, "Carol");
  const widget = creditKitWidget(page);
  const before = await widget.balance();
  await widget.buy();
  await emulator.pay(page);
  const { invoiceId } = await emulator.lastPurchase();

  const delivery = await emulator.waitForDelivery({ eventType: "invoice.paid.v0", invoiceId });
  expect(delivery.attempts.at(-1)?.status).toBeLessThan(300);
  await emulator.redeliver(delivery.messageId);
  await expect.poll(async () => (await emulator.deliveries())[0]?.attempts.length).toBe(2);
  expect((await emulator.deliveries())[0]?.status).toBe("delivered");
  // The same event signed by the kit under a new id: accepted, and still credited once.
  const replay = await emulator.sendEvent(delivery.url, delivery.payload);
  expect(replay.status).toBeLessThan(300);
  // A forged signature is refused.
  const forged = emulator.signEvent(delivery.payload);
  const refused = await page.request.post(delivery.url, {
    headers: { ...forged.headers, "svix-signature": "v1,Zm9yZ2Vk" },
    data: forged.body,
  });
  expect(refused.status()).toBeGreaterThanOrEqual(400);

  await widget.expectBalance(before + 1000);
  expect(await grantsFor(emulator, "acme-carol", invoiceId)).toHaveLength(1);
});
