/** A pack as `GET /catalog` serves it: its price normalised to the currency's minor digits ("10.00"). */
export interface CatalogPack {
  id: string;
  credits: number;
  /** Decimal string in the currency's major unit. */
  price: string;
  /** In the locale the widget asked for (`?locale=`), else the catalog's default locale. */
  label: string;
  badge?: string;
  /** A line under the pack's name. */
  description?: string;
}

/** The rules of a custom credit count; priced with `customAmountPrice` (./custom-amount.ts). */
export interface CustomAmountRules {
  minCredits: number;
  maxCredits: number;
  step: number;
  /** Decimal string, the price of one credit (up to 9 fraction digits). */
  unitPrice: string;
  /** Paygentic's smallest purchase price: a custom amount priced below it cannot be bought. */
  minPrice: string;
}

/** How the BFF writes a currency in every answer: ISO 4217, upper case ("USD"). */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** `GET /catalog`: the server-side catalog, the only source of prices. */
export interface CatalogBody {
  /** ISO 4217, upper case. */
  currency: string;
  packs: CatalogPack[];
  custom: CustomAmountRules | null;
}
