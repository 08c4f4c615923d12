import { describe, expect, it } from "vitest";
import { CreateCustomerResponse, CustomerList, ValidTaxAddress, ValidTaxAddressSpec } from "./customer.ts";
import { EntitlementDetail, EntitlementList } from "./entitlement.ts";
import { ErrorBody, ValidationErrorBody } from "./errors.ts";
import { UsageEvent } from "./events.ts";
import examples from "./fixtures/openapi-examples.json" with { type: "json" };
import { CreateGrantRequest, Grant } from "./grant.ts";
import { Invoice } from "./invoice.ts";
import { PurchaseGrantRequest, PurchaseGrantResponse } from "./purchase.ts";
import { InvoicePaidEvent } from "./webhook.ts";

/**
 * The fixture holds every example Paygentic's own openapi.json gives for the objects we use,
 * copied verbatim: our schemas must accept all of them, or we would reject the real API.
 */
const byPrefix = (prefix: string) =>
  Object.entries(examples as Record<string, unknown>).filter(([name]) => name.startsWith(`${prefix}:`));

describe("schemas accept every example of Paygentic's own spec", () => {
  const cases = [
    ["EntitlementList", EntitlementList],
    ["EntitlementDetail", EntitlementDetail],
    ["CustomerList", CustomerList],
    ["CreateCustomerResponse", CreateCustomerResponse],
    ["ValidationError", ValidationErrorBody],
    ["Error", ErrorBody],
    ["CreateGrantRequest", CreateGrantRequest],
    ["PurchaseGrantRequest", PurchaseGrantRequest],
    ["UsageEvent", UsageEvent],
  ] as const;
  for (const [prefix, schema] of cases) {
    const found = byPrefix(prefix);
    it(`${prefix} (${found.length} examples)`, () => {
      expect(found.length).toBeGreaterThan(0);
      for (const [name, value] of found) {
        const parsed = schema.safeParse(value);
        expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      }
    });
  }
});

const grant = {
  object: "grant",
  id: "grt_1",
  entitlementId: "ent_1",
  amount: 1000,
  effectiveAt: "2026-11-24T10:00:00Z",
  expiresAt: null,
  voidedAt: null,
  createdAt: "2026-11-24T10:00:00.123Z",
  recurrencePeriod: null,
  idempotencyKey: "ckp_abc",
};

describe("Grant", () => {
  it("accepts a grant and drops keys it does not know", () => {
    const parsed = Grant.parse({ ...grant, surprise: "x" });
    expect(parsed).not.toHaveProperty("surprise");
  });

  it("requires recurrencePeriod and idempotencyKey to be present, even if null", () => {
    const { recurrencePeriod: _r, ...withoutRecurrence } = grant;
    expect(Grant.safeParse(withoutRecurrence).error?.issues[0]?.path).toEqual(["recurrencePeriod"]);
    const { idempotencyKey: _i, ...withoutKey } = grant;
    expect(Grant.safeParse(withoutKey).error?.issues[0]?.path).toEqual(["idempotencyKey"]);
  });

  it("rejects ids and dates of the wrong shape", () => {
    expect(Grant.safeParse({ ...grant, id: "g_1" }).success).toBe(false);
    expect(Grant.safeParse({ ...grant, effectiveAt: "yesterday" }).success).toBe(false);
    expect(Grant.safeParse({ ...grant, amount: "1000" }).success).toBe(false);
  });
});

describe("PurchaseGrantRequest", () => {
  const base = { amount: 1000, price: "5.00", idempotencyKey: "k" };
  const fieldOf = (value: unknown) => PurchaseGrantRequest.safeParse(value).error?.issues.map((i) => i.path.join("."));

  it("enforces Paygentic's price rules exactly", () => {
    expect(PurchaseGrantRequest.safeParse({ ...base, price: "0.50" }).success).toBe(true);
    expect(PurchaseGrantRequest.safeParse({ ...base, price: "4503599.62" }).success).toBe(true);
    expect(PurchaseGrantRequest.safeParse({ ...base, price: "0.123456789" }).success).toBe(false);
    expect(fieldOf({ ...base, price: "0.49" })).toEqual(["price"]);
    expect(fieldOf({ ...base, price: "4503599.63" })).toEqual(["price"]);
    expect(fieldOf({ ...base, price: "5" + ".0000000001" })).toEqual(["price"]);
    expect(fieldOf({ ...base, price: 5 })).toEqual(["price"]);
    expect(fieldOf({ ...base, price: "-5.00" })).toEqual(["price"]);
  });

  it("enforces amount bounds and precision", () => {
    expect(fieldOf({ ...base, amount: 0 })).toEqual(["amount"]);
    expect(fieldOf({ ...base, amount: 1e12 })).toEqual(["amount"]);
    expect(fieldOf({ ...base, amount: 0.000000001 })).toEqual(["amount"]);
    expect(PurchaseGrantRequest.safeParse({ ...base, amount: 0.00000001 }).success).toBe(true);
    expect(PurchaseGrantRequest.safeParse({ ...base, amount: 999_999_999_999 }).success).toBe(true);
  });

  it("enforces idempotency key length and URL shapes", () => {
    expect(fieldOf({ ...base, idempotencyKey: "" })).toEqual(["idempotencyKey"]);
    expect(fieldOf({ ...base, idempotencyKey: "x".repeat(256) })).toEqual(["idempotencyKey"]);
    expect(fieldOf({ ...base, successUrl: "not a url" })).toEqual(["successUrl"]);
    expect(fieldOf({ ...base, successUrl: "javascript:alert(1)" })).toEqual(["successUrl"]);
    expect(fieldOf({ ...base, cancelUrl: "ftp://example.com/x" })).toEqual(["cancelUrl"]);
    expect(CreateGrantRequest.safeParse({ amount: 1, idempotencyKey: "" }).success).toBe(false);
  });
});

describe("PurchaseGrantResponse", () => {
  const response = {
    object: "grant_purchase",
    invoiceId: "inv_0a1b2c",
    entitlementId: "ent_1",
    grantAmount: 1000,
    price: "5.00",
    currency: "usd",
    paymentSessions: [{ url: "https://checkout.paygentic.io/pay/ps_1", expiresAt: null, amount: 500 }],
  };
  it("accepts the documented shape and refuses a non-hex invoice id", () => {
    expect(PurchaseGrantResponse.safeParse(response).success).toBe(true);
    expect(PurchaseGrantResponse.safeParse({ ...response, invoiceId: "inv_XYZ" }).success).toBe(false);
    expect(PurchaseGrantResponse.safeParse({ ...response, paymentSessions: [{ url: "nope" }] }).success).toBe(false);
  });
});

describe("Invoice", () => {
  it("accepts Paygentic's example once it names its customer and merchant", () => {
    const example = (examples as Record<string, Record<string, unknown>>)["Invoice:example"];
    const parsed = Invoice.safeParse({ customerId: "cus_1", merchantId: "org_1", object: "invoice", ...example });
    expect(parsed.success, parsed.error?.message).toBe(true);
  });
});

describe("invoice.paid.v0", () => {
  it("parses the envelope and requires the invoice id", () => {
    const event = {
      eventType: "invoice.paid.v0",
      eventId: "evt_1",
      timestamp: "2026-11-24T10:00:00Z",
      data: { invoiceId: "inv_1", grantId: "grt_1", extra: true },
    };
    expect(InvoicePaidEvent.parse(event).data).toEqual({ invoiceId: "inv_1", grantId: "grt_1" });
    expect(InvoicePaidEvent.safeParse({ ...event, data: {} }).success).toBe(false);
    expect(InvoicePaidEvent.safeParse({ ...event, eventType: "invoice.created.v0" }).success).toBe(false);
  });
});

describe("ValidTaxAddress", () => {
  it("agrees with the spec's schema (message a string or absent), reading its examples' null as no message", () => {
    expect(ValidTaxAddressSpec.safeParse({ valid: true }).success).toBe(true);
    expect(ValidTaxAddressSpec.safeParse({ valid: false, message: "Country is required" }).success).toBe(true);
    expect(ValidTaxAddressSpec.safeParse({ valid: true, message: null }).success).toBe(false);
    const read = ValidTaxAddress.parse({ valid: true, message: null });
    expect(read).toEqual({ valid: true });
    expect(read).not.toHaveProperty("message");
    expect(ValidTaxAddressSpec.safeParse(read).success).toBe(true);
    expect(ValidTaxAddress.parse({ valid: false, message: "Invalid postal code format" })).toEqual({
      valid: false,
      message: "Invalid postal code format",
    });
    for (const bad of [{ valid: true, message: 1 }, { message: "x" }, null, "valid"]) {
      expect(ValidTaxAddress.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
