import type { CatalogBody } from "@creditkit/contract";
import { useId, useState } from "react";
import { useCreditKit } from "../context.ts";
import { releaseAttemptUnless } from "../core/attempt-store.ts";
import { checkTypedAmount } from "../core/custom-amount.ts";
import { type PackChoice, priceChoice } from "../core/selection.ts";
import { useCatalog } from "../hooks/use-catalog.ts";
import { CkRoot } from "./ck-root.tsx";
import { cx } from "./class-names.ts";
import { QueryFallback } from "./query-fallback.tsx";

export interface PackPickerProps {
  /** Controlled choice. */
  value?: PackChoice | null;
  /** Initial choice when uncontrolled; default the first pack. */
  defaultValue?: PackChoice;
  onChange?: (choice: PackChoice) => void;
  className?: string;
}

export function defaultChoice(catalog: CatalogBody | undefined): PackChoice | null {
  const first = catalog?.packs[0];
  if (first) return { kind: "pack", packId: first.id };
  return catalog?.custom ? { kind: "custom", input: String(catalog.custom.minCredits) } : null;
}

/**
 * The packs and the optional custom amount as one native radio group (arrow keys move and select,
 * Tab leaves the group), with a live total announced politely as the choice changes.
 */
export function PackPicker({ value, defaultValue, onChange, className }: PackPickerProps) {
  const { t, format, credits, basePath } = useCreditKit();
  const query = useCatalog();
  const catalog = query.data;
  const [own, setOwn] = useState<PackChoice | undefined>(defaultValue);
  const id = useId();
  const choice = value !== undefined ? value : (own ?? defaultChoice(catalog));
  const choose = (next: PackChoice) => {
    setOwn(next);
    onChange?.(next);
    // Picking another pack ends the current attempt: its next Buy is a new purchase with a new key.
    if (catalog) releaseAttemptUnless(basePath, priceChoice(next, catalog)?.selection ?? null);
  };

  if (!catalog) {
    return (
      <CkRoot className={cx("ck-picker", className)}>
        <QueryFallback query={query} />
      </CkRoot>
    );
  }

  const money = (price: string) => format.money(price, catalog.currency);
  const priced = priceChoice(choice, catalog);
  const rules = catalog.custom;
  const customCheck =
    choice?.kind === "custom" && rules ? checkTypedAmount(choice.input, rules, catalog.currency) : null;
  const invalid = customCheck?.ok === false;

  return (
    <CkRoot as="section" className={cx("ck-picker", className)}>
      <fieldset className="ck-packs">
        <legend className="ck-legend">{t("packsLegend")}</legend>
        {catalog.packs.map((pack) => (
          <label key={pack.id} className="ck-pack">
            <input
              type="radio"
              name={id}
              value={pack.id}
              checked={choice?.kind === "pack" && choice.packId === pack.id}
              onChange={() => choose({ kind: "pack", packId: pack.id })}
            />
            <span className="ck-pack-name">{pack.label}</span>
            <span className="ck-pack-credits">{credits(pack.credits)}</span>
            <span className="ck-pack-price">{money(pack.price)}</span>
            {pack.badge ? <span className="ck-badge">{pack.badge}</span> : null}
            {pack.description ? <span className="ck-pack-desc">{pack.description}</span> : null}
          </label>
        ))}
        {rules ? (
          <label className="ck-pack">
            <input
              type="radio"
              name={id}
              value="custom"
              checked={choice?.kind === "custom"}
              onChange={() => choose({ kind: "custom", input: String(rules.minCredits) })}
            />
            <span className="ck-pack-name">{t("customOption")}</span>
          </label>
        ) : null}
      </fieldset>
      {rules && choice?.kind === "custom" ? (
        <div className="ck-custom">
          <label className="ck-label" htmlFor={`${id}-custom`}>
            {t("customLabel")}
          </label>
          <input
            id={`${id}-custom`}
            className="ck-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={choice.input}
            aria-invalid={invalid}
            aria-describedby={`${id}-hint`}
            onChange={(event) => choose({ kind: "custom", input: event.target.value })}
          />
          {/* The rule doubles as the error: it turns into one when the amount breaks it. */}
          <p id={`${id}-hint`} className={invalid ? "ck-field-error" : "ck-hint"}>
            {customCheck?.ok === false && customCheck.problem.kind === "below_min_price"
              ? t("customBelowMinPrice", { price: money(rules.minPrice) })
              : t("customHint", {
                  min: format.number(rules.minCredits),
                  max: format.number(rules.maxCredits),
                  step: format.number(rules.step),
                })}
          </p>
        </div>
      ) : null}
      <p className="ck-total" aria-live="polite">
        {priced ? t("total", { price: money(priced.price) }) : null}
      </p>
    </CkRoot>
  );
}
