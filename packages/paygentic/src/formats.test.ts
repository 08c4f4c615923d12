import { describe, expect, it } from "vitest";
import { isCurrencyCode, isSecretKey, isWebhookSecret, SECRET_KEY_IN_TEXT } from "./formats.ts";

describe("Paygentic formats", () => {
  it("knows a secret key", () => {
    expect(["sk_test_abc123", "sk_live_A_b_9"].every(isSecretKey)).toBe(true);
    expect(["sk_prod_abc", "pk_test_abc", "sk_test_", "sk_test_a b", " sk_test_abc"].some(isSecretKey)).toBe(false);
  });

  it("finds every secret key in a text, however often it is used", () => {
    const text = "key sk_test_abc and sk_live_XYZ_1.";
    expect(text.replace(SECRET_KEY_IN_TEXT, "sk_$1_[redacted]")).toBe("key sk_test_[redacted] and sk_live_[redacted].");
    expect(text.replace(SECRET_KEY_IN_TEXT, "x")).toBe("key x and x.");
  });

  it("knows a webhook signing secret", () => {
    expect(["whsec_c2VjcmV0", "whsec_ZGVtbw==", "whsec_a+b/c="].every(isWebhookSecret)).toBe(true);
    expect(["whsec_", "whsec_abc===", "wh_abc", "whsec_ab c"].some(isWebhookSecret)).toBe(false);
  });

  it("knows a currency code in either case", () => {
    expect(["USD", "eur"].every(isCurrencyCode)).toBe(true);
    expect(["US", "USDT", "U5D", ""].some(isCurrencyCode)).toBe(false);
  });
});
