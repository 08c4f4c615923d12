import {
  type CatalogBody,
  type CatalogPack,
  type CustomAmountRules,
  checkCustomAmount,
  compareDecimal,
  currencyMinorDigits,
  customAmountPrice,
  type PurchaseSelection,
  parseDecimal,
  roundDecimal,
} from "@creditkit/contract";
import { MAX_PURCHASE_PRICE, MIN_PURCHASE_PRICE } from "@creditkit/paygentic";

/** The server-side catalog is exactly what GET /catalog serves: the contract's CatalogBody. */
export type Catalog = CatalogBody;
export type { CatalogPack, CustomAmountRules };

/** What a purchase will cost, decided on the server only. */
export interface PricedPurchase {
  packId: string | null;
  credits: number;
  price: string;
  currency: string;
}

/** "10" → "10.00" for USD. Callers have checked the price has no more digits than the currency. */
export function normalizePrice(price: string, currency: string): string {
  return roundDecimal(price, currencyMinorDigits(currency));
}

/** True when a decimal string has no more fraction digits than the currency's minor unit. */
export function fitsMinorUnit(price: string, currency: string): boolean {
  return parseDecimal(price).scale <= currencyMinorDigits(currency);
}

export function isPurchasablePrice(price: string): boolean {
  return compareDecimal(price, MIN_PURCHASE_PRICE) >= 0 && compareDecimal(price, MAX_PURCHASE_PRICE) <= 0;
}

/**
 * Why a custom credit count cannot be bought, or null when it can: the contract's rule (the one the
 * widget shows) plus Paygentic's largest price, worded so the widget can show it next to the field.
 */
export function customCreditsProblem(custom: CustomAmountRules, credits: number, currency: string): string | null {
  const check = checkCustomAmount(custom, credits, currency, MAX_PURCHASE_PRICE);
  if (check.ok) return null;
  const p = check.problem;
  switch (p.kind) {
    case "not_whole":
      return "must be a whole number";
    case "below_min":
      return `must be at least ${p.minCredits}`;
    case "above_max":
      return `must be at most ${p.maxCredits}`;
    case "off_step":
      return `must be a multiple of ${p.step}`;
    case "below_min_price":
      return `costs ${p.price}, below the minimum price of ${p.minPrice}`;
    case "above_max_price":
      return `costs ${p.price}, above the maximum price`;
  }
}

/** Prices a validated purchase body against the server-side catalog. */
export function pricePurchase(catalog: Catalog, body: PurchaseSelection): PricedPurchase {
  if ("packId" in body) {
    const pack = catalog.packs.find((p) => p.id === body.packId);
    if (!pack) throw new Error(`pack ${body.packId} vanished after validation`);
    return { packId: pack.id, credits: pack.credits, price: pack.price, currency: catalog.currency };
  }
  if (!catalog.custom) throw new Error("custom amount accepted without a custom catalog");
  return {
    packId: null,
    credits: body.credits,
    price: customAmountPrice(catalog.custom.unitPrice, body.credits, catalog.currency),
    currency: catalog.currency,
  };
}
