import type { PlaywrightEmulator } from "@creditkit/emulator/playwright";
import { expect, type Page } from "@playwright/test";

/** What the BFF sent Paygentic for one purchase, from the emulator's request log. */
export interface SentPurchase {
  purchaseId: string;
  entitlementId: string;
  credits: number;
  price: string;
  idempotencyKey: string;
  successUrl: string;
  cancelUrl: string;
}

/**
 * The purchases (one per invoice) the BFF created upstream, oldest first. The purchase id is
 * read from the success URL the BFF built (`?ck_purchase=…`), which is where Paygentic sends
 * the customer back to.
 */
export async function sentPurchases(emulator: PlaywrightEmulator): Promise<SentPurchase[]> {
  return (await emulator.purchases()).map((p) => {
    const { successUrl, cancelUrl } = p.body;
    if (!successUrl || !cancelUrl) throw new Error("the BFF sent a purchase without return URLs");
    const purchaseId = new URL(successUrl).searchParams.get("ck_purchase");
    if (!purchaseId) throw new Error(`no ck_purchase in the success URL ${successUrl}`);
    return {
      purchaseId,
      entitlementId: p.entitlementId,
      credits: p.body.amount,
      price: p.body.price,
      idempotencyKey: p.body.idempotencyKey,
      successUrl,
      cancelUrl,
    };
  });
}

/** The only purchase of the test (fails if there is not exactly one). */
export async function onlyPurchase(emulator: PlaywrightEmulator): Promise<SentPurchase> {
  const all = await sentPurchases(emulator);
  expect(all, "purchases created upstream").toHaveLength(1);
  return all[0] as SentPurchase;
}

/** A BFF read as the signed-in customer (the browser context's cookies). */
export async function bffGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api/topup${path}`);
  expect(res.status(), `GET /api/topup${path}`).toBe(200);
  return (await res.json()) as T;
}

export interface BffPurchase {
  purchaseId: string;
  status: "pending" | "paid" | "cancelled" | "expired" | "failed";
  credits: number;
  price: string;
  expiresAt: string;
  grant: { id: string; amount: number } | null;
}

export interface BffGrant {
  id: string;
  amount: number;
  status: string;
  source: string;
  purchaseId: string | null;
}

/** Every grant of the signed-in customer that came from a CreditKit purchase. */
export async function purchaseGrants(page: Page): Promise<BffGrant[]> {
  const { grants } = await bffGet<{ grants: BffGrant[] }>(page, "/grants?limit=100&includeVoided=true");
  return grants.filter((g) => g.source === "purchase");
}
