import {
  compareDecimal,
  customAmountPrice,
  DEFAULT_ADMIN_BASE_PATH,
  DEFAULT_BASE_PATH,
  isDecimalString,
} from "@creditkit/contract";
import { isPriceString, MAX_PURCHASE_PRICE, MIN_PURCHASE_PRICE } from "@creditkit/paygentic";
import { adminBasePathProblem } from "../admin/admin-config.ts";
import { canonicalLocale, PACK_TEXT_FIELDS, pick } from "../catalog-text.ts";
import type { FieldIssue } from "../http/api-error.ts";
import { fitsMinorUnit } from "../pricing.ts";
import { isCurrency } from "./currency.ts";
import { runtimeNodeEnv, testPresetRefusal } from "./test-preset.ts";

/**
 * Rules that span several fields. They read the raw input defensively (it may be half wrong) and
 * check only what is well-typed, so their issues add to the per-field ones instead of hiding them.
 */
export function crossCheckConfig(raw: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const config = asRecord(raw);
  checkPaygentic(asRecord(config.paygentic), issues);
  checkCatalog(asRecord(config.catalog), issues);
  if (config.testPreset === true) {
    const refusal = testPresetRefusal(asRecord(config.paygentic), runtimeNodeEnv());
    if (refusal) issues.push({ field: "testPreset", message: refusal });
  }
  if (typeof config.authorizeAdmin === "function") {
    const problem = adminBasePathProblem(
      typeof config.basePath === "string" ? config.basePath : DEFAULT_BASE_PATH,
      typeof config.adminBasePath === "string" ? config.adminBasePath : DEFAULT_ADMIN_BASE_PATH,
    );
    if (problem) issues.push({ field: "adminBasePath", message: problem });
  }
  return issues;
}

function checkPaygentic(p: Record<string, unknown>, issues: FieldIssue[]): void {
  if (p.client !== undefined) {
    if (p.apiKey !== undefined || p.baseUrl !== undefined) {
      issues.push({ field: "paygentic.client", message: "give either client or apiKey/baseUrl, not both" });
    }
    if (p.fetch !== undefined) {
      issues.push({
        field: "paygentic.fetch",
        message: "is for the client the handler builds: give it to your client",
      });
    }
    return;
  }
  if (p.apiKey === undefined) issues.push({ field: "paygentic.apiKey", message: "is required" });
  if (p.baseUrl === undefined) issues.push({ field: "paygentic.baseUrl", message: "is required" });
}

function checkCatalog(catalog: Record<string, unknown>, issues: FieldIssue[]): void {
  const currency = typeof catalog.currency === "string" && isCurrency(catalog.currency) ? catalog.currency : null;
  const packs = Array.isArray(catalog.packs) ? catalog.packs.map(asRecord) : [];
  const defaultLocale = canonicalLocale(typeof catalog.defaultLocale === "string" ? catalog.defaultLocale : "en");
  const seen = new Map<string, number>();
  packs.forEach((pack, index) => {
    if (typeof pack.id === "string") {
      const first = seen.get(pack.id);
      if (first !== undefined) {
        issues.push({ field: `catalog.packs.${index}.id`, message: `duplicates catalog.packs.${first}.id` });
      } else seen.set(pack.id, index);
    }
    checkTexts(pack, index, defaultLocale, issues);
    if (currency && typeof pack.price === "string" && isDecimalString(pack.price)) {
      if (!fitsMinorUnit(pack.price, currency)) {
        issues.push({ field: `catalog.packs.${index}.price`, message: `has more fraction digits than ${currency}` });
      }
    }
  });
  if (catalog.custom === undefined) {
    if (Array.isArray(catalog.packs) && catalog.packs.length === 0) {
      issues.push({ field: "catalog.packs", message: "must offer at least one pack, or a custom amount" });
    }
    return;
  }
  checkCustom(asRecord(catalog.custom), currency, issues);
}

/** Locale maps: every key a locale tag, and text for the default locale or its language (else a customer could get none). */
function checkTexts(pack: Record<string, unknown>, index: number, defaultLocale: string | null, issues: FieldIssue[]) {
  for (const field of PACK_TEXT_FIELDS) {
    const text = pack[field];
    if (typeof text !== "object" || text === null || Array.isArray(text)) continue;
    const keys = Object.keys(text);
    for (const key of keys) {
      if (canonicalLocale(key) === null) {
        issues.push({ field: `catalog.packs.${index}.${field}.${key}`, message: "is not a BCP 47 locale tag" });
      }
    }
    if (defaultLocale && pick(text as Record<string, string>, defaultLocale) === undefined) {
      issues.push({
        field: `catalog.packs.${index}.${field}`,
        message: `has no text for the default locale "${defaultLocale}" (catalog.defaultLocale)`,
      });
    }
  }
}

function checkCustom(c: Record<string, unknown>, currency: string | null, issues: FieldIssue[]): void {
  const int = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : null);
  const min = int(c.minCredits);
  const max = int(c.maxCredits);
  const step = int(c.step);
  if (min !== null && max !== null && min > max) {
    issues.push({ field: "catalog.custom.minCredits", message: "must not exceed maxCredits" });
  }
  if (min !== null && step !== null && min % step !== 0) {
    issues.push({ field: "catalog.custom.minCredits", message: "must be a multiple of step" });
  }
  const unitPrice = typeof c.unitPrice === "string" && isPriceString(c.unitPrice) ? c.unitPrice : null;
  if (currency && unitPrice && max !== null && min !== null && min <= max) {
    // The largest custom amount must be purchasable at all, and must stay under Paygentic's ceiling.
    const top = customAmountPrice(unitPrice, max, currency);
    if (compareDecimal(top, MIN_PURCHASE_PRICE) < 0) {
      issues.push({
        field: "catalog.custom.unitPrice",
        message: `prices even maxCredits below the minimum purchase of ${MIN_PURCHASE_PRICE}`,
      });
    }
    if (compareDecimal(top, MAX_PURCHASE_PRICE) > 0) {
      issues.push({ field: "catalog.custom.maxCredits", message: `costs more than ${MAX_PURCHASE_PRICE}` });
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}
