import { checkCustomAmount } from "./custom-amount.ts";
import type { Formatter } from "./format.ts";
import type { Catalog, Selection } from "./types.ts";

/** What the pack picker holds: a pack, or the custom option with the text typed so far. */
export type PackChoice = { kind: "pack"; packId: string } | { kind: "custom"; input: string };

export interface PricedSelection {
  selection: Selection;
  credits: number;
  /** Decimal string in the catalog currency. */
  price: string;
}

/**
 * The purchasable selection behind a choice (the picker's PackChoice, or the Selection a BuyButton
 * gets) with its credits and price; null when it is not valid or the catalog is not there yet.
 */
export function priceChoice(
  choice: PackChoice | Selection | null,
  catalog: Catalog | undefined,
  format: Formatter,
): PricedSelection | null {
  if (!choice || !catalog) return null;
  if ("packId" in choice) {
    const pack = catalog.packs.find((p) => p.id === choice.packId);
    return pack ? { selection: { packId: pack.id }, credits: pack.credits, price: pack.price } : null;
  }
  const input = "input" in choice ? choice.input : String(choice.credits);
  const check = catalog.custom && checkCustomAmount(input, catalog.custom, format.minorDigits(catalog.currency));
  return check?.ok ? { selection: { credits: check.credits }, credits: check.credits, price: check.price } : null;
}
