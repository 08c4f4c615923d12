import type { CatalogBody, PurchaseSelection } from "@creditkit/contract";
import { checkTypedAmount } from "./custom-amount.ts";

/** What the pack picker holds: a pack, or the custom option with the text typed so far. */
export type PackChoice = { kind: "pack"; packId: string } | { kind: "custom"; input: string };

export interface PricedSelection {
  selection: PurchaseSelection;
  credits: number;
  /** Decimal string in the catalog currency. */
  price: string;
}

/**
 * The purchasable selection behind a choice (the picker's PackChoice, or the PurchaseSelection a BuyButton
 * gets) with its credits and price; null when it is not valid or the catalog is not there yet.
 */
export function priceChoice(
  choice: PackChoice | PurchaseSelection | null,
  catalog: CatalogBody | undefined,
): PricedSelection | null {
  if (!choice || !catalog) return null;
  if ("packId" in choice) {
    const pack = catalog.packs.find((p) => p.id === choice.packId);
    return pack ? { selection: { packId: pack.id }, credits: pack.credits, price: pack.price } : null;
  }
  const input = "input" in choice ? choice.input : String(choice.credits);
  const check = catalog.custom && checkTypedAmount(input, catalog.custom, catalog.currency);
  return check?.ok ? { selection: { credits: check.credits }, credits: check.credits, price: check.price } : null;
}
