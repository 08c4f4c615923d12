import {
  compareDecimal,
  currencyMinorDigits,
  MAX_PURCHASE_PRICE,
  MIN_PURCHASE_PRICE,
  multiplyDecimal,
  parseDecimal,
  roundDecimal,
} from "@creditkit/paygentic";

/** A pack as the catalog serves it: price normalised to the currency's minor digits ("10.00"). */
export interface Pack {
  id: string;
  credits: number;
  price: string;
  label: string;
  badge?: string;
}

export interface CustomAmount {
  minCredits: number;
  maxCredits: number;
  step: number;
  unitPrice: string;
  /** Paygentic's smallest purchase price: a custom amount priced below it is refused. */
  minPrice: string;
}

export interface Catalog {
  currency: string;
  packs: Pack[];
  custom: CustomAmount | null;
}

/** What a purchase will cost, decided on the server only. */
export interface PricedPurchase {
  packId: string | null;
  credits: number;
  price: string;
  currency: string;
}

/** unitPrice × credits, rounded half-up to the currency's minor digits. Exact: BigInt, never float. */
export function customPrice(unitPrice: string, credits: number, currency: string): string {
  return roundDecimal(multiplyDecimal(unitPrice, credits), currencyMinorDigits(currency));
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
 * Why a custom credit count cannot be bought, or null when it can. The messages name the rule so
 * the widget can show them next to the field.
 */
export function customCreditsProblem(custom: CustomAmount, credits: number, currency: string): string | null {
  if (!Number.isSafeInteger(credits)) return "must be a whole number";
  if (credits < custom.minCredits) return `must be at least ${custom.minCredits}`;
  if (credits > custom.maxCredits) return `must be at most ${custom.maxCredits}`;
  if (credits % custom.step !== 0) return `must be a multiple of ${custom.step}`;
  const price = customPrice(custom.unitPrice, credits, currency);
  if (compareDecimal(price, custom.minPrice) < 0)
    return `costs ${price}, below the minimum price of ${custom.minPrice}`;
  if (compareDecimal(price, MAX_PURCHASE_PRICE) > 0) return `costs ${price}, above the maximum price`;
  return null;
}

/** Prices a validated purchase body against the server-side catalog. */
export function pricePurchase(catalog: Catalog, body: { packId: string } | { credits: number }): PricedPurchase {
  if ("packId" in body) {
    const pack = catalog.packs.find((p) => p.id === body.packId);
    if (!pack) throw new Error(`pack ${body.packId} vanished after validation`);
    return { packId: pack.id, credits: pack.credits, price: pack.price, currency: catalog.currency };
  }
  if (!catalog.custom) throw new Error("custom amount accepted without a custom catalog");
  return {
    packId: null,
    credits: body.credits,
    price: customPrice(catalog.custom.unitPrice, body.credits, catalog.currency),
    currency: catalog.currency,
  };
}
