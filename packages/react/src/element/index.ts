/**
 * @creditkit/react/element — `<creditkit-top-up>`, the top-up widget as a custom element for pages
 * without React (Vue, Angular, Svelte, Rails, plain HTML). Importing it defines the element. The
 * published build brings its own renderer (Preact, through preact/compat) and React Query, so it
 * needs nothing else: `dist/element.js` (ES module) and `dist/creditkit-top-up.js` (a classic
 * script). See the README's "Without React".
 */
import { CreditKitTopUpElement } from "./creditkit-top-up.tsx";

export { CreditKitTopUpElement, ELEMENT_ATTRIBUTES, PURCHASE_EVENTS } from "./creditkit-top-up.tsx";

/** The element's tag name. */
export const ELEMENT_NAME = "creditkit-top-up";

/** Defines `<creditkit-top-up>` unless the page already has it (two copies of the script are harmless). */
export function defineCreditKitTopUp(name: string = ELEMENT_NAME): void {
  if (!customElements.get(name)) customElements.define(name, class extends CreditKitTopUpElement {});
}

defineCreditKitTopUp();
