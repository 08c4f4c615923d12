import { checkCustomAmount } from "./custom-amount.ts";
import type { Catalog, Selection } from "./types.ts";

/** What the pack picker holds: a pack, or the custom option with the text typed so far. */
export type PackChoice = { kind: "pack"; packId: string } | { kind: "custom"; input: string };

export interface PricedSelection {
  selection: Selection;
  credits: number;
  /** Decimal string in the catalog currency. */
  price: string;
}

/** The purchasable selection behind a choice with its credits and price, or null if it is not valid. */
export function priceChoice(choice: PackChoice | null, catalog: Catalog, minorDigits: number): PricedSelection | null {
  if (!choice) return null;
  if (choice.kind === "pack") {
    const pack = catalog.packs.find((p) => p.id === choice.packId);
    return pack ? { selection: { packId: pack.id }, credits: pack.credits, price: pack.price } : null;
  }
  if (!catalog.custom) return null;
  const check = checkCustomAmount(choice.input, catalog.custom, minorDigits);
  return check.ok ? { selection: { credits: check.credits }, credits: check.credits, price: check.price } : null;
}

/** The same for a Selection (what BuyButton receives). */
export function priceSelection(selection: Selection | null, catalog: Catalog, minorDigits: number) {
  if (!selection) return null;
  return priceChoice(
    "packId" in selection
      ? { kind: "pack", packId: selection.packId }
      : { kind: "custom", input: String(selection.credits) },
    catalog,
    minorDigits,
  );
}
